package io.jcompose.agent.volume;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.syscall.MountCalls;
import io.jcompose.network.netns.MountTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mounts a local volume with driver options on its {@code _data} directory, and unmounts it.
 *
 * <p>The mount is made when the first container using the volume starts and stays until the volume
 * is removed (Docker unmounts when the last user stops; keeping it makes concurrent starts and stops
 * of the users race-free and lets a tmpfs keep its content between runs). Whether it is mounted is
 * read from the mount table each time, never remembered: after an agent restart a mount made by the
 * previous agent is found and kept, after a reboot it is gone and made again at the next start.
 */
final class VolumeMounts {
    /** Stacked mounts on one directory are undone this many deep at most. */
    private static final int MAX_STACK = 8;

    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    /** Mounts the volume on {@code data} unless something is mounted there already. */
    void ensureMounted(String volume, LocalDriverOptions opts, Path data) {
        synchronized (locks.computeIfAbsent(volume, k -> new Object())) {
            if (isMounted(data)) {
                return;
            }
            mount(volume, opts, data);
        }
    }

    private static void mount(String volume, LocalDriverOptions opts, Path data) {
        MountOptions o = opts.options();
        try {
            MountCalls.mount(opts.device(), data, opts.type(), o.flags(), o.data());
        } catch (MountCalls.MountException e) {
            throw AgentException.precondition("cannot mount volume " + volume + " (" + opts.describe() + "): "
                    + e.getMessage(), "check the device, type and o of the volume's driver_opts");
        }
        try {
            if (o.propagation() != 0) {
                MountCalls.mount("none", data, "none", o.propagation(), null);
            }
            if (o.bind() && o.readOnly()) {
                // A bind ignores MS_RDONLY on the first call; the kernel applies it only on a remount.
                MountCalls.mount("none", data, "none", o.flags() | MountOptions.MS_REMOUNT, null);
            }
        } catch (MountCalls.MountException e) {
            detach(data);
            throw AgentException.precondition("cannot apply the options of volume " + volume + " (" + opts.describe()
                    + "): " + e.getMessage(), "check the o of the volume's driver_opts");
        }
    }

    /**
     * Unmounts everything on {@code data}; a busy mount is detached (the path stops being a mount point
     * at once). Throws when something is still mounted there, so the caller never deletes through a mount.
     */
    void unmount(String volume, Path data) {
        synchronized (locks.computeIfAbsent(volume, k -> new Object())) {
            for (int i = 0; i < MAX_STACK && isMounted(data); i++) {
                try {
                    MountCalls.umount2(data, 0);
                } catch (MountCalls.MountException e) {
                    detach(data);
                }
            }
            if (isMounted(data)) {
                throw AgentException.internal("volume " + volume + " is still mounted on " + data
                        + "; nothing was deleted", null);
            }
            locks.remove(volume);
        }
    }

    private static void detach(Path data) {
        try {
            MountCalls.umount2(data, MountCalls.MNT_DETACH);
        } catch (MountCalls.MountException e) {
            // Not mounted any more, or it cannot be: the caller reads the mount table again.
        }
    }

    static boolean isMounted(Path data) {
        Path real;
        try {
            real = data.toRealPath();
        } catch (IOException e) {
            return false; // no directory, no mount on it
        }
        try {
            return new MountTable().isMountPoint(real);
        } catch (RuntimeException e) {
            throw AgentException.internal("cannot read the mount table: " + e.getMessage(), e);
        }
    }
}
