package io.jcompose.agent.container;

import io.jcompose.agent.bundle.BundleDir;
import io.jcompose.agent.bundle.ContainerSpec;
import java.util.function.Function;

/**
 * The network side of a container's run, called by {@link ContainerService} under the container's
 * lock: {@link #attach} right before the runtime creates the container, {@link #awaitAttached} before
 * its process may run, {@link #detach} once its
 * exit is recorded, when a start fails, and at remove. Implemented by the agent's network wiring
 * ({@code io.jcompose.agent.network}).
 */
public interface ContainerNetworking {

    /**
     * Networks the container for this run and writes its {@code /etc/hosts} and
     * {@code /etc/resolv.conf} into {@code bundle}; returns the spec the runtime bundle is made from
     * (for a networked container: its namespace as {@code NetworkMode.Joined}). On failure nothing
     * of the attach remains.
     *
     * @param containers finds another container by id or name ({@code container:} mode), NOT_FOUND otherwise
     */
    ContainerSpec attach(Container container, BundleDir bundle, Function<String, Container> containers);

    /**
     * Waits for what {@link #attach} may leave running after its return because the runtime's {@code create}
     * does not need it (the host ends of the veths put on their bridges), and which the container's process
     * does; throws if it failed, and the caller then detaches the container. A no-op when nothing is pending.
     */
    default void awaitAttached(Container container) {
    }

    /** Undoes {@link #attach}; a container that is not attached is a no-op. */
    void detach(Container container);

    /**
     * As {@link #detach}, but what only takes time — deleting the interfaces and the namespace, which waits for
     * the kernel — may go on after the return: the container counts as detached at once, its addresses stay
     * taken until they are gone, and its next {@link #attach} waits for them. For an exit, so that a removal or
     * a stop that follows is not held up by the teardown.
     */
    default void detachLater(Container container) {
        detach(container);
    }

    /**
     * The part of {@link #detach} others can observe at once — the container's names leave the DNS and its
     * published host ports are free — so that an exit can be answered before the interfaces and namespace
     * are torn down. {@link #detach} must still follow.
     */
    default void release(Container container) {
    }

    /** For containers whose spec needs no network manager (none, host, path). */
    ContainerNetworking NONE = new ContainerNetworking() {
        @Override
        public ContainerSpec attach(Container container, BundleDir bundle, Function<String, Container> containers) {
            return container.spec();
        }

        @Override
        public void detach(Container container) {
        }
    };
}
