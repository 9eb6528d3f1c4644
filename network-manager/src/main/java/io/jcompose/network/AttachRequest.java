package io.jcompose.network;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to network one container. Ports are checked (and reserved) before anything is
 * created, so a taken port fails the attach without leaving a namespace behind.
 */
public record AttachRequest(ContainerId container, NetworkMode mode, Optional<PortOwner> owner, List<PortMapping> ports) {

    public AttachRequest {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(owner, "owner");
        ports = List.copyOf(ports);
    }

    public static AttachRequest of(ContainerId container, NetworkMode mode) {
        return new AttachRequest(container, mode, Optional.empty(), List.of());
    }

    public AttachRequest withPorts(PortOwner portOwner, List<PortMapping> mappings) {
        return new AttachRequest(container, mode, Optional.of(portOwner), mappings);
    }
}
