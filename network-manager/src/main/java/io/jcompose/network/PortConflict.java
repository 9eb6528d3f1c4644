package io.jcompose.network;

import java.util.Objects;
import java.util.Optional;

/**
 * A published port that could not be had now: the {@code ports:} entry and why, worded as the error an
 * attach would fail with ({@code host port 0.0.0.0:8080/tcp of mapping 8080:80/tcp is already in use by
 * process nginx (pid 4242) — stop that process, or publish another host port}).
 *
 * @param heldBy the container of this manager that publishes the port, when it is one (the problem names
 *               it by id; a caller that knows the container's name may show that instead)
 */
public record PortConflict(PortMapping mapping, String problem, Optional<ContainerId> heldBy) {

    public PortConflict {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(heldBy, "heldBy");
    }
}
