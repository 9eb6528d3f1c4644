package io.jcompose.scheduler.plan;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.node.Node;
import io.jcompose.scheduler.node.Node.ImageInfo;
import io.jcompose.scheduler.node.Node.NetworkInfo;
import io.jcompose.scheduler.node.Node.VolumeInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** Asks {@code node}; the only impure step before planning. */
    public static ObservedState of(Node node, Project project) {
        List<ContainerView> containers = node.containers(List.of(Labels.projectFilter(project.name())));
        Map<String, ImageInfo> images = new LinkedHashMap<>();
        for (Service s : project.services().values()) {
            if (s.image() == null || s.image().isEmpty() || images.containsKey(s.image())) continue;
            node.findImage(s.image()).ifPresent(i -> images.put(s.image(), i));
        }
        return new ObservedState(containers, node.networks(List.of()), node.volumes(List.of()), images);
    }

    public Optional<NetworkInfo> network(String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public Optional<VolumeInfo> volume(String name) {
        return volumes.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
