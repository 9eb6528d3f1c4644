package io.jcompose.agent.container;

import io.jcompose.agent.bundle.ContainerSpec;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A container the agent knows: identity, labels, spec and where it is in its lifecycle.
 *
 * @param pid       host pid of the init process while live, else 0
 * @param exitCode  null until the first exit
 * @param oomKilled the last exit was caused by the memory limit
 * @param imageId   the image whose snapshot is the root filesystem ({@code sha256:…}), null for a plain directory
 */
public record Container(ContainerId id, ContainerName name, Map<String, String> labels, ContainerSpec spec,
                        ContainerState state, int pid, Integer exitCode, boolean oomKilled, Instant createdAt,
                        Instant startedAt, Instant finishedAt, String imageId) {
    public Container {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A container whose root filesystem is a plain directory. */
    public Container(ContainerId id, ContainerName name, Map<String, String> labels, ContainerSpec spec,
                     ContainerState state, int pid, Integer exitCode, boolean oomKilled, Instant createdAt,
                     Instant startedAt, Instant finishedAt) {
        this(id, name, labels, spec, state, pid, exitCode, oomKilled, createdAt, startedAt, finishedAt, null);
    }

    public Container running(int newPid, Instant at) {
        return new Container(id, name, labels, spec, ContainerState.RUNNING, newPid, exitCode, oomKilled, createdAt, at,
                finishedAt, imageId);
    }

    public Container withState(ContainerState newState) {
        return new Container(id, name, labels, spec, newState, pid, exitCode, oomKilled, createdAt, startedAt, finishedAt,
                imageId);
    }

    public Container exited(int code, boolean oom, Instant at) {
        return new Container(id, name, labels, spec, ContainerState.EXITED, 0, code, oom, createdAt, startedAt, at, imageId);
    }
}
