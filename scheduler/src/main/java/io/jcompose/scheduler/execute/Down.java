package io.jcompose.scheduler.execute;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.node.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * {@code down}: stop and remove a project's containers in reverse dependency order, then its networks and, with
 * {@code volumes}, its named volumes. Everything is found by the {@code com.docker.compose.project} label, so it
 * works without the compose file and cannot touch another project's or an external resource (neither carries
 * this project's label).
 *
 * @param services       services defined in the file, or null without a file (then every labelled container
 *                       of the project goes)
 * @param removeOrphans  also remove containers of services the file no longer defines
 */
public record Down(Set<String> services, boolean removeOrphans, boolean volumes) {

    public List<ServiceOutcome> run(Node node, Executor executor, String project, Consumer<ProgressEvent> events)
            throws InterruptedException {
        return run(node, executor, LabelledProject.find(node, project), events);
    }

    /** As {@link #run(Node, Executor, String, Consumer)} with the project's containers listed already by the caller. */
    public List<ServiceOutcome> run(Node node, Executor executor, LabelledProject found, Consumer<ProgressEvent> events)
            throws InterruptedException {
        String project = found.name();
        LabelledProject targets = found;
        if (services != null && !removeOrphans) {
            targets = found.only(services);
            List<String> orphans = found.containers().keySet().stream().filter(s -> !services.contains(s)).toList();
            if (!orphans.isEmpty()) {
                events.accept(ProgressEvent.warning("Project " + project, "found orphan containers of services "
                        + String.join(", ", orphans) + "; run down with --remove-orphans to remove them too"));
            }
        }
        String filter = Labels.projectFilter(project);
        // Stopping does not change the project's networks: listing them meanwhile saves a request at the end.
        CompletableFuture<List<Node.NetworkInfo>> networks = CompletableFuture.supplyAsync(
                () -> node.networks(List.of(filter)), Down::platform);
        // The networks go once every container has stopped (so none is attached any more), while the last
        // containers' removals (their directories and records) still run: those do not hold a network.
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        CompletableFuture<List<Removal>> removedNetworks = stopped.thenApplyAsync(
                v -> removeNetworks(node, executor, project, networks), Down::platform);
        List<ServiceOutcome> outcomes;
        try {
            outcomes = new ArrayList<>(executor.stopAll(targets.containers(), targets.graph(), true, volumes,
                    () -> stopped.complete(null)));
        } finally {
            stopped.complete(null); // stops that ended early: the networks are tried now, as they were after them
        }
        boolean containersLeft = targets != found || outcomes.stream().anyMatch(o -> !o.succeeded());
        for (Removal r : join(removedNetworks)) {
            // a network that failed because containers are left is no news: those containers' failures say why
            if (r.error() != null && !containersLeft) outcomes.add(new ServiceOutcome("network " + r.name(), r.error()));
        }
        if (volumes) {
            for (Node.VolumeInfo v : node.volumes(List.of(filter))) {
                if (!project.equals(v.labels().get(Labels.PROJECT))) continue;
                try {
                    executor.guarded("Volume " + v.name(), "Removing", "Removed", () -> {
                        node.removeVolume(v.name(), false);
                        return null;
                    });
                } catch (RuntimeException e) {
                    outcomes.add(new ServiceOutcome("volume " + v.name(), e.getMessage()));
                }
            }
        }
        return outcomes;
    }

    /** A network's removal: its error, or null when it went. */
    private record Removal(String name, String error) {
    }

    private static List<Removal> removeNetworks(Node node, Executor executor, String project,
                                                CompletableFuture<List<Node.NetworkInfo>> networks) {
        List<Removal> out = new ArrayList<>();
        for (Node.NetworkInfo n : join(networks)) {
            if (!project.equals(n.labels().get(Labels.PROJECT))) continue;
            try {
                executor.guarded("Network " + n.name(), "Removing", "Removed", () -> {
                    node.removeNetwork(n.name());
                    return null;
                });
                out.add(new Removal(n.name(), null));
            } catch (RuntimeException e) {
                out.add(new Removal(n.name(), e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.add(new Removal(n.name(), "interrupted"));
                break;
            }
        }
        return out;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static void platform(Runnable task) {
        Thread.ofPlatform().daemon().start(task);
    }
}
