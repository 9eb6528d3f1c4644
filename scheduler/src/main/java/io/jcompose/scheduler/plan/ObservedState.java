package io.jcompose.scheduler.plan;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.scheduler.SchedulerException;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.node.Node;
import io.jcompose.scheduler.node.Node.ImageInfo;
import io.jcompose.scheduler.node.Node.NetworkInfo;
import io.jcompose.scheduler.node.Node.VolumeInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the node holds that concerns a project: its containers (by label), every network and volume (external ones
 * are found by name), and the local images its services name.
 *
 * @param images local images by the reference a service writes; absent when not present locally
 */
public record ObservedState(List<ContainerView> containers, List<NetworkInfo> networks, List<VolumeInfo> volumes,
                            Map<String, ImageInfo> images) {

    public static final ObservedState EMPTY = new ObservedState(List.of(), List.of(), List.of(), Map.of());

    public ObservedState {
        containers = List.copyOf(containers);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
        images = Map.copyOf(images);
    }

    /**
     * Asks {@code node}; the only impure step before planning. The questions do not depend on each other, so they
     * are asked at once, each on a thread of its own (platform threads: see {@code Executor.runAll}).
     */
    public static ObservedState of(Node node, Project project) {
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory())) {
            Future<List<ContainerView>> containers = threads.submit(
                    () -> node.containers(List.of(Labels.projectFilter(project.name()))));
            Future<List<NetworkInfo>> networks = threads.submit(() -> node.networks(List.of()));
            Future<List<VolumeInfo>> volumes = threads.submit(() -> node.volumes(List.of()));
            Map<String, Future<Optional<ImageInfo>>> lookups = new LinkedHashMap<>();
            for (Service s : project.services().values()) {
                if (s.image() == null || s.image().isEmpty() || lookups.containsKey(s.image())) continue;
                lookups.put(s.image(), threads.submit(() -> node.findImage(s.image())));
            }
            Map<String, ImageInfo> images = new LinkedHashMap<>();
            for (var e : lookups.entrySet()) answer(e.getValue()).ifPresent(i -> images.put(e.getKey(), i));
            return new ObservedState(answer(containers), answer(networks), answer(volumes), images);
        }
    }

    /** The answer of one question; the node's own exception when it failed. */
    private static <T> T answer(Future<T> question) {
        try {
            return question.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchedulerException("interrupted while asking the node", null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    public Optional<NetworkInfo> network(String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public Optional<VolumeInfo> volume(String name) {
        return volumes.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
