package io.jcompose.agent.archive;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.syscall.OpenAt2;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A file of a {@link PathSpace} found without leaving its root: either through its directory ({@code holder} is
 * the directory, {@code path} one name in it, read without following a final symlink) or, once a final symlink
 * was followed, as the object itself ({@code /proc/self/fd/N}).
 */
record Located(Fd holder, Path path, LinkOption[] options, String cleanPath) implements AutoCloseable {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final LinkOption[] FOLLOW = {};
    static final String ATTRIBUTES = "unix:mode,uid,gid,size,lastModifiedTime,rdev";

    /** Finds {@code cleanPath}; a final symlink is followed (in the root) only with {@code followLast}. */
    static Located find(PathSpace space, String cleanPath, boolean followLast) {
        PathSpace.Placed p = space.place(cleanPath);
        try {
            if (p.relative().isEmpty()) {
                return new Located(p.root(), p.root().path(), FOLLOW, cleanPath);
            }
            if (followLast) {
                Fd object = p.root().resolve(p.relative(), false, true);
                return new Located(object, object.path(), FOLLOW, cleanPath);
            }
            int slash = p.relative().lastIndexOf('/');
            Fd dir = slash < 0 ? p.root() : p.root().resolve(p.relative().substring(0, slash), true, true);
            return new Located(dir, dir.child(p.relative().substring(slash + 1)), NOFOLLOW, cleanPath);
        } catch (OpenAt2.Failure e) {
            throw missing(cleanPath, e);
        }
    }

    /** The directory {@code cleanPath}, symlinks followed in the root; missing ones made (0755) with {@code create}. */
    static Fd directory(PathSpace space, String cleanPath, boolean create) {
        PathSpace.Placed p = space.place(cleanPath);
        if (p.relative().isEmpty()) {
            return p.root();
        }
        try {
            return p.root().resolve(p.relative(), true, true);
        } catch (OpenAt2.Failure e) {
            if (!create || e.errno() != OpenAt2.ENOENT) {
                throw missing(cleanPath, e);
            }
        }
        String name = cleanPath.substring(cleanPath.lastIndexOf('/') + 1);
        try (Fd parent = directory(space, ContainerPaths.parent(cleanPath), true)) {
            Files.createDirectory(parent.child(name));
        } catch (FileAlreadyExistsException e) {
            // made meanwhile, or a dangling symlink: the lookup below says which
        } catch (IOException e) {
            throw Failures.of("cannot create " + cleanPath, e);
        }
        try {
            return p.root().resolve(p.relative(), true, true);
        } catch (OpenAt2.Failure e) {
            throw missing(cleanPath, e);
        }
    }

    /** Its attributes, or null when nothing is there. */
    Map<String, Object> attributes() {
        try {
            return Files.readAttributes(path, ATTRIBUTES, options);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw Failures.of("cannot read " + cleanPath, e);
        }
    }

    private static AgentException missing(String cleanPath, OpenAt2.Failure e) {
        if (e.errno() == OpenAt2.ENOENT || e.errno() == OpenAt2.ENOTDIR) {
            return AgentException.notFound("could not find the file " + cleanPath, "check the path inside the container");
        }
        return AgentException.invalid("cannot reach " + cleanPath + ": " + e.getMessage(), null);
    }

    @Override
    public void close() {
        holder.close();
    }
}
