package io.jcompose.agent.container;

import io.jcompose.agent.bundle.ContainerSpec;
import java.nio.file.Path;

/**
 * What other parts of the agent (volumes, restart policies, health checks) add to the lifecycle,
 * without {@link ContainerService} knowing them. Hooks run in registration order; the "before"
 * hooks may veto by throwing an {@code AgentException}, the others must not block (they run under
 * the container's lock) and must not throw.
 *
 * <p>Example: the volume hook names anonymous volumes in {@link #beforeCreate} and turns volume
 * mounts into bind mounts in {@link #beforeStart}; the restart hook schedules a restart in
 * {@link #exited}.
 */
public interface ContainerHooks {
    /** Before the container is recorded: returns the spec to record (e.g. with volume names filled in). */
    default ContainerSpec beforeCreate(String id, ContainerSpec spec) {
        return spec;
    }

    /** The create failed after {@link #beforeCreate}: undo what it made. */
    default void createFailed(String id, ContainerSpec spec) {
    }

    /** Before the bundle is written: returns the spec to run, given the root filesystem the bundle uses. */
    default ContainerSpec beforeStart(Container c, ContainerSpec spec, Path rootfs) {
        return spec;
    }

    /**
     * The monitor and the runtime's container exist and the process has not started yet (clients attach to the
     * monitor here, so they miss nothing). Runs under the container's lock; must not block or throw.
     */
    default void monitorReady(Container c) {
    }

    /** The container runs; {@code byUser} is false for a restart by the restart policy. */
    default void started(Container c, boolean byUser) {
    }

    /** A user asked to stop or kill it: an exit that follows is not the container's own doing. */
    default void stopRequested(Container c) {
    }

    /** Its exit was recorded. */
    default void exited(Container c) {
    }

    /** It is gone; {@code volumes}: remove its anonymous volumes too. */
    default void removed(Container c, boolean volumes) {
    }

    /** Adds this hook's view of the container to {@code sofar}. */
    default Supervision describe(Container c, Supervision sofar) {
        return sofar;
    }
}
