package io.jcompose.network;

import java.util.Objects;

/**
 * A published port that could not be had now: the {@code ports:} entry and why, worded as the error an
 * attach would fail with ({@code host port 0.0.0.0:8080/tcp of mapping 8080:80/tcp is already in use by
 * process nginx (pid 4242) — stop that process, or publish another host port}).
 */
public record PortConflict(PortMapping mapping, String problem) {

    public PortConflict {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(problem, "problem");
    }
}
