package io.jcompose.image.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves paths inside a layer directory one component at a time, never leaving it. Each component
 * is inspected without following links; a symlink met on the way is expanded <em>within the root</em>
 * (an absolute target starts again at the root, {@code ..} stops at the root), as a chroot would. The
 * result is a path made of real directories only, so the kernel follows no link when we use it.
 *
 * <p>This is safe because the directory being filled is private to the applier: it was created empty
 * under a temporary name and nothing else writes into it, so what was checked cannot change before it
 * is used.
 */
final class ScopedResolver {
    private static final int MAX_LINKS = 40;
    private final Path root;

    ScopedResolver(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * The real directory for {@code dir} (all of it, following in-root symlinks), creating missing
     * directories with mode 0755.
     */
    Path directory(EntryPath dir) throws IOException {
        Deque<String> pending = new ArrayDeque<>(dir.components());
        Deque<String> resolved = new ArrayDeque<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.removeFirst();
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (!resolved.isEmpty()) resolved.removeLast();
                continue;
            }
            Path candidate = join(resolved).resolve(part);
            BasicFileAttributes attrs = attributes(candidate);
            if (attrs == null) {
                Files.createDirectory(candidate);
                resolved.addLast(part);
            } else if (attrs.isDirectory()) {
                resolved.addLast(part);
            } else if (attrs.isSymbolicLink()) {
                if (++links > MAX_LINKS) throw new HostileLayerException("too many levels of symbolic links at " + dir);
                String target = Files.readSymbolicLink(candidate).toString();
                if (target.startsWith("/")) resolved.clear();
                String[] parts = target.split("/");
                for (int i = parts.length - 1; i >= 0; i--) pending.addFirst(parts[i]);
            } else {
                throw new HostileLayerException("\"" + dir + "\" needs \"" + part + "\" to be a directory, but it is a file");
            }
        }
        return join(resolved);
    }

    /** The path of {@code entry}: its parent resolved as a directory, its last component not followed. */
    Path entry(EntryPath entry) throws IOException {
        return directory(entry.parent()).resolve(entry.last());
    }

    /** What is at {@code path} itself (a symlink is not followed), or null. */
    static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The path relative to the root, for messages and bookkeeping. */
    String relative(Path path) {
        return root.relativize(path).toString();
    }

    private Path join(Deque<String> parts) {
        Path p = root;
        for (String part : parts) p = p.resolve(part);
        return p;
    }
}
