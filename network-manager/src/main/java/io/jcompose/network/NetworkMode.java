package io.jcompose.network;

import java.util.List;
import java.util.Objects;

/** How a container is networked: Compose's {@code networks:} (bridge) or its {@code network_mode}. */
public sealed interface NetworkMode {

    /** Its own namespace with one interface per network. An empty list gives a namespace with only {@code lo}. */
    record Bridge(List<EndpointSpec> endpoints) implements NetworkMode {
        public Bridge {
            endpoints = List.copyOf(endpoints);
        }
    }

    /**
     * {@code network_mode: host}: nothing is created, the container uses the host's namespace. Its
     * ports are not published (Docker discards them too, with a warning the agent may repeat).
     */
    record Host() implements NetworkMode {
    }

    /** {@code network_mode: none}: its own namespace with only {@code lo}. */
    record None() implements NetworkMode {
    }

    /** {@code network_mode: service:NAME} or {@code container:NAME}: the namespace of another attached container. */
    record Shared(ContainerId container) implements NetworkMode {
        public Shared {
            Objects.requireNonNull(container, "container");
        }
    }

    static NetworkMode bridge(EndpointSpec... endpoints) {
        return new Bridge(List.of(endpoints));
    }
}
