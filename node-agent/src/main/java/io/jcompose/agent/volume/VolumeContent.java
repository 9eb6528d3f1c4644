package io.jcompose.agent.volume;

import io.jcompose.agent.bundle.RootfsPath;
import io.jcompose.agent.error.AgentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fills a new, empty volume with what the image has at the mount target, as Docker does. The copy
 * is {@code cp -a}: owners, modes, timestamps, extended attributes (file capabilities included),
 * symlinks, hard links and device nodes come across as they are, which Java's file copy does not
 * do for every xattr namespace. It reads from whatever directory is the container's root (a plain
 * directory or an overlay mount).
 */
final class VolumeContent {
    private VolumeContent() {
    }

    /** Whether {@code data} has no entries. */
    static boolean isEmpty(Path data) {
        try (Stream<Path> entries = Files.list(data)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Copies the content of {@code target} inside {@code rootfs} into {@code data}; nothing when the
     * image has no directory there. The directory's own owner and mode are copied too, so a volume on
     * {@code /var/lib/postgresql/data} is owned by the image's postgres user.
     */
    static void prefill(Path rootfs, String target, Path data) {
        Path source = RootfsPath.resolve(rootfs, target);
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        run(List.of("cp", "-a", "--", source + "/.", data + "/"));
        // "cp -a dir/. dest/" copies the entries; take the directory's own metadata as well.
        run(List.of("chown", "--reference=" + source, "--", data.toString()));
        run(List.of("chmod", "--reference=" + source, "--", data.toString()));
    }

    private static void run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw AgentException.internal("filling a volume failed: " + String.join(" ", argv) + ": " + out.strip(), null);
            }
        } catch (IOException e) {
            throw AgentException.internal("cannot run " + argv.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgentException.internal("interrupted while filling a volume", e);
        }
    }
}
