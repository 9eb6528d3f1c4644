package io.jcompose.agent.bundle;

import io.jcompose.agent.error.AgentException;
import io.jcompose.network.EndpointSpec;
import io.jcompose.network.PortMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Which network namespace the container gets. */
public sealed interface NetworkMode {
    /** A new namespace with only a loopback interface (compose {@code network_mode: none}). */
    record None() implements NetworkMode {
    }

    /** The host's namespace (compose {@code network_mode: host}). */
    record Host() implements NetworkMode {
    }

    /** A namespace prepared by the network manager, joined through its path (e.g. {@code /run/netns/x}). */
    record Joined(Path path) implements NetworkMode {
        public Joined {
            if (path == null || !path.isAbsolute()) {
                throw AgentException.invalid("network namespace path \"" + path + "\" is not absolute", null);
            }
        }
    }

    /**
     * User-defined networks ({@code networkMode: bridge}): the network manager makes the namespace at
     * start and the container joins it; {@code endpoints} in list order become eth0, eth1, …
     * Until start resolves it to {@link Joined}, a spec in this mode only describes the wish.
     */
    record Bridge(List<EndpointSpec> endpoints, List<PortMapping> ports) implements NetworkMode {
        public Bridge {
            endpoints = List.copyOf(endpoints);
            ports = List.copyOf(ports);
        }
    }

    /** {@code container:<id-or-name>}: the namespace of another running container, resolved at start. */
    record Container(String ref) implements NetworkMode {
        public Container {
            Objects.requireNonNull(ref, "ref");
            if (ref.isBlank()) {
                throw AgentException.invalid("networkMode container: names no container", "write container:<id-or-name>");
            }
        }
    }

    NetworkMode NONE = new None();
    NetworkMode HOST = new Host();
}
