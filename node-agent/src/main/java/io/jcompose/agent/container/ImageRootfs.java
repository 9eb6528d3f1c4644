package io.jcompose.agent.container;

import java.nio.file.Path;

/**
 * The root filesystem of containers made from images: a writable snapshot over the image's layers,
 * mounted at the container's {@code rootfs} directory. {@link ContainerService} calls it at the points
 * of the lifecycle where the mount must exist or go; {@code io.jcompose.agent.image} implements it.
 *
 * <p>Lifecycle: create → {@link #attach} (snapshot + mount; on a failed create {@link #detach});
 * start → {@link #ensureMounted} (a host reboot drops mounts); remove → {@link #unmount} before the
 * state row goes, {@link #release} (the snapshot) after.
 */
public interface ImageRootfs {
    /** For agents without an image store: every image operation is refused. */
    ImageRootfs NONE = new ImageRootfs() {
        @Override
        public void attach(String containerId, String imageId, Path target) {
            throw new IllegalStateException("this agent has no image store");
        }

        @Override
        public void ensureMounted(String containerId, Path target) {
            throw new IllegalStateException("this agent has no image store");
        }

        @Override
        public void unmount(Path target) {
        }

        @Override
        public void release(String containerId) {
        }
    };

    /** Prepares the container's snapshot of {@code imageId} and mounts it at {@code target}; leaves nothing on failure. */
    void attach(String containerId, String imageId, Path target);

    /** Mounts the container's existing snapshot at {@code target} unless it is mounted already. */
    void ensureMounted(String containerId, Path target);

    /** Unmounts {@code target} if it is mounted. */
    void unmount(Path target);

    /** Removes the container's snapshot (unmounted before); absent is fine. */
    void release(String containerId);

    /** Unmount, then release: undoes {@link #attach}. */
    default void detach(String containerId, Path target) {
        unmount(target);
        release(containerId);
    }
}
