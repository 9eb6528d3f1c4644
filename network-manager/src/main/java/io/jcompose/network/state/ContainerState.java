package io.jcompose.network.state;

import io.jcompose.network.Attachment;
import io.jcompose.network.ContainerId;
import io.jcompose.network.Endpoint;
import io.jcompose.network.EndpointSpec;
import io.jcompose.network.NetworkMode;
import io.jcompose.network.PortOwner;
import io.jcompose.network.PublishedPort;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container as the manager remembers it. {@code ownNetns} is the namespace file this manager
 * made for it (empty for {@code host} and for a shared namespace); {@code netns} is the one the
 * container runs in.
 */
public record ContainerState(ContainerId id, NetworkMode mode, Optional<Path> ownNetns, Optional<Path> netns,
                             List<Endpoint> endpoints, Optional<PortOwner> owner, List<PublishedPort> ports) {

    public ContainerState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(ownNetns, "ownNetns");
        Objects.requireNonNull(netns, "netns");
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(owner, "owner");
        ports = List.copyOf(ports);
    }

    public Attachment toAttachment() {
        return new Attachment(id, mode, netns, endpoints, ports);
    }

    public ContainerState withPorts(Optional<PortOwner> newOwner, List<PublishedPort> newPorts) {
        return new ContainerState(id, mode, ownNetns, netns, endpoints, newOwner, newPorts);
    }

    /**
     * The mode of a reloaded container: the state file keeps the endpoints as made, not the
     * request, so the specs are rebuilt from them (network and aliases).
     */
    static NetworkMode bridgeMode(List<Endpoint> endpoints) {
        return new NetworkMode.Bridge(endpoints.stream()
                .map(e -> EndpointSpec.of(e.network()).withAliases(e.aliases())).toList());
    }
}
