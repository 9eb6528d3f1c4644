package io.jcompose.agent.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Where a removed container's directory goes: one rename takes it out of the containers directory at once, and
 * its files are deleted on a virtual thread of their own, so a removal (the end of {@code run --rm}) does not
 * wait for a dozen unlinks on a busy disk. What a crash leaves here the next agent deletes at its start
 * ({@link #empty}); nothing in the trash is mounted (the rootfs is unmounted before its directory goes).
 */
final class Trash {
    private final Path dir;

    Trash(Path dir) {
        this.dir = dir;
    }

    /** Takes {@code root} away now and deletes it soon; deletes it in place when it cannot be moved. */
    void discard(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        Path moved = dir.resolve(root.getFileName() + "." + System.nanoTime());
        try {
            Files.createDirectories(dir);
            Files.move(root, moved, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            ContainerService.deleteTree(root);
            return;
        }
        Thread.ofVirtual().name("trash").start(() -> deleteQuietly(moved));
    }

    /** Deletes what earlier removals left (an agent that stopped before its deletions were done). */
    void empty() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(Trash::deleteQuietly);
        } catch (IOException e) {
            // tried again at the next start
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            ContainerService.deleteTree(root);
        } catch (RuntimeException e) {
            // what is left is deleted at the next start
        }
    }
}
