package io.jcompose.agent.bundle;

import io.jcompose.agent.error.AgentException;
import java.nio.file.Path;

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

    NetworkMode NONE = new None();
    NetworkMode HOST = new Host();
}
