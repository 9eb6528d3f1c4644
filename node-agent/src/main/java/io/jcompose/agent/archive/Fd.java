package io.jcompose.agent.archive;

import io.jcompose.agent.syscall.OpenAt2;
import java.nio.file.Path;

/**
 * An open {@code O_PATH} descriptor and the path through which the JDK reaches what it designates:
 * {@code /proc/self/fd/N} is the object itself, {@code /proc/self/fd/N/name} one entry of a directory looked up
 * from it. An operation on {@code child(name)} with {@code NOFOLLOW_LINKS} resolves exactly one component in a
 * directory already proved to be inside the root, so a symlink swapped in meanwhile is never followed.
 */
final class Fd implements AutoCloseable {
    private static final long DIR = OpenAt2.O_PATH | OpenAt2.O_DIRECTORY;
    private final int fd;
    private final boolean owned;

    private Fd(int fd, boolean owned) {
        this.fd = fd;
        this.owned = owned;
    }

    static Fd owned(int fd) {
        return new Fd(fd, true);
    }

    /** The same descriptor, whose closing is left to its owner. */
    Fd borrowed() {
        return new Fd(fd, false);
    }

    /** Opens a host directory the agent itself chose (a rootfs, a volume, {@code /proc/PID/root}). */
    static Fd openHostDirectory(Path dir) {
        return owned(OpenAt2.open(OpenAt2.AT_FDCWD, dir.toString(), DIR, 0));
    }

    int number() {
        return fd;
    }

    Path path() {
        return Path.of("/proc/self/fd/" + fd);
    }

    /** One entry of this directory; {@code name} is a single component. */
    Path child(String name) {
        return path().resolve(name);
    }

    /** The sub-directory {@code name}, refusing a symlink in its place. */
    Fd childDirectory(String name) {
        return owned(OpenAt2.open(fd, name, DIR | OpenAt2.O_NOFOLLOW,
                OpenAt2.RESOLVE_BENEATH | OpenAt2.RESOLVE_NO_SYMLINKS | OpenAt2.RESOLVE_NO_MAGICLINKS));
    }

    /** {@code relative} resolved as if this directory were {@code /}; the final symlink followed or not. */
    Fd resolve(String relative, boolean directory, boolean followLast) {
        long flags = OpenAt2.O_PATH | (directory ? OpenAt2.O_DIRECTORY : 0) | (followLast ? 0 : OpenAt2.O_NOFOLLOW);
        return owned(OpenAt2.open(fd, relative, flags, OpenAt2.RESOLVE_IN_ROOT | OpenAt2.RESOLVE_NO_MAGICLINKS));
    }

    @Override
    public void close() {
        if (owned) {
            OpenAt2.close(fd);
        }
    }
}
