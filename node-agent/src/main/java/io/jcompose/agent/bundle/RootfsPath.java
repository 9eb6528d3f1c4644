package io.jcompose.agent.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves a path inside a root filesystem the way the container will see it: symlinks, absolute ones
 * included, are followed relative to the rootfs, and {@code ..} never climbs above it. Reading an
 * image's {@code /etc/passwd} through a plain {@code rootfs.resolve(...)} could follow a link to the
 * host's file.
 */
public final class RootfsPath {
    private static final int MAX_LINKS = 40;

    private RootfsPath() {
    }

    /** The host path of {@code containerPath} inside {@code rootfs}; it may not exist. */
    public static Path resolve(Path rootfs, String containerPath) {
        Deque<String> pending = new ArrayDeque<>();
        push(pending, containerPath);
        Deque<String> resolved = new ArrayDeque<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.pop();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                resolved.pollLast();
                continue;
            }
            Path candidate = join(rootfs, resolved).resolve(part);
            if (Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    return candidate;
                }
                try {
                    String target = Files.readSymbolicLink(candidate).toString();
                    if (target.startsWith("/")) {
                        resolved.clear();
                    }
                    push(pending, target);
                } catch (IOException e) {
                    return candidate;
                }
            } else {
                resolved.addLast(part);
            }
        }
        return join(rootfs, resolved);
    }

    /** Reads a text file inside the rootfs, or returns "" when it is absent. */
    public static String readText(Path rootfs, String containerPath) {
        Path file = resolve(rootfs, containerPath);
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void push(Deque<String> pending, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            pending.push(parts[i]);
        }
    }

    private static Path join(Path rootfs, Deque<String> parts) {
        Path out = rootfs;
        for (String p : parts) {
            out = out.resolve(p);
        }
        return out;
    }
}
