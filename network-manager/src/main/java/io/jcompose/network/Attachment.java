package io.jcompose.network;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The network side of a container: the namespace the runtime must join ({@code netns}, empty for
 * {@code network_mode: host}), its interfaces in {@code eth0, eth1, …} order, and its published ports.
 */
public record Attachment(ContainerId container, NetworkMode mode, Optional<Path> netns, List<Endpoint> endpoints,
                         List<PublishedPort> ports) {

    public Attachment {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(netns, "netns");
        endpoints = List.copyOf(endpoints);
        ports = List.copyOf(ports);
    }
}
