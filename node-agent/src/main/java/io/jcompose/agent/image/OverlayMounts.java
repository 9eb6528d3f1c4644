package io.jcompose.agent.image;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.syscall.MountCalls;
import io.jcompose.image.snapshot.Mount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Mounts the image store's snapshot descriptions. The usual case is one {@code mount(2)}; when the
 * store gave options relative to a directory (absolute lower-dir paths of a many-layer image would pass
 * the kernel's one-page limit), the paths only resolve from that directory, and a multi-threaded JVM
 * cannot change its working directory safely, so {@code mount(8)} does it in a child process there.
 */
public final class OverlayMounts {
    /** Stacked mounts on one target (a mount racing another) are undone this many deep at most. */
    private static final int MAX_STACK = 8;

    private OverlayMounts() {
    }

    public static void mount(Mount m, Path target) {
        if (m.workingDirectory() == null) {
            try {
                MountCalls.mount(m.source(), target, m.type(), 0, m.data());
            } catch (MountCalls.MountException e) {
                throw AgentException.internal("cannot mount the image snapshot at " + target + ": " + e.getMessage(), e);
            }
            return;
        }
        try {
            Process p = new ProcessBuilder(m.command(target)).directory(m.workingDirectory().toFile())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw AgentException.internal("mount(8) of the image snapshot at " + target + " hung", null);
            }
            if (p.exitValue() != 0) {
                throw AgentException.internal("cannot mount the image snapshot at " + target + ": " + output, null);
            }
        } catch (IOException e) {
            throw AgentException.internal("cannot run mount(8) for " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgentException.internal("interrupted while mounting " + target, e);
        }
    }

    /** Unmounts every mount on {@code target}; a busy one is detached (it goes once its last user does). */
    public static void unmount(Path target) {
        // umount(2) itself tells a mount point from a plain directory (EINVAL): no mount table to read first,
        // which costs a removal a few milliseconds with a stack's mounts in it.
        for (int i = 0; i < MAX_STACK; i++) {
            try {
                MountCalls.umount2(target, 0);
            } catch (MountCalls.MountException e) {
                if (e.errno() == MountCalls.EINVAL || e.errno() == MountCalls.ENOENT) {
                    return; // not a mount point after all
                }
                try {
                    MountCalls.umount2(target, MountCalls.MNT_DETACH);
                } catch (MountCalls.MountException detach) {
                    throw AgentException.internal("cannot unmount " + target + ": " + detach.getMessage(), detach);
                }
            }
        }
    }

    /**
     * Whether {@code target} is on another device than its parent directory, as an overlay mounted there is (each
     * has a device of its own). Two stats, where the mount table costs every start a few milliseconds to read.
     */
    static boolean hasOwnDevice(Path target) {
        try {
            return !Files.getAttribute(target, "unix:dev", LinkOption.NOFOLLOW_LINKS)
                    .equals(Files.getAttribute(target.getParent(), "unix:dev", LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return false; // no directory there: nothing is mounted on it
        }
    }
}
