package io.jcompose.agent.archive;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Paths as a copy names them inside a container: relative to its {@code /}, cleaned lexically as docker does
 * ({@code ..} stops at the root, so {@code /../../etc} is the container's {@code /etc}), with whether the caller
 * asked for a directory or its content (a trailing {@code /} or {@code /.}).
 */
public final class ContainerPaths {
    private ContainerPaths() {
    }

    /** {@code path} as an absolute, clean path: no {@code .}, {@code ..}, empty components or trailing slash. */
    public static String clean(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The path ends in {@code /} or {@code /.}: it must be a directory, and a symlink there is followed. */
    public static boolean assertsDirectory(String path) {
        return path.endsWith("/") || path.endsWith("/.") || path.equals(".");
    }

    /** The path ends in {@code /.}: the directory's content is meant, not the directory. */
    public static boolean meansContent(String path) {
        return path.endsWith("/.") || path.equals(".");
    }

    /** The name the top entry of a copy of {@code path} takes: its last component, {@code .} for content. */
    public static String baseName(String path) {
        if (meansContent(path)) {
            return ".";
        }
        String clean = clean(path);
        return clean.equals("/") ? "." : clean.substring(clean.lastIndexOf('/') + 1);
    }

    public static String parent(String cleanPath) {
        int slash = cleanPath.lastIndexOf('/');
        return slash <= 0 ? "/" : cleanPath.substring(0, slash);
    }

    public static String child(String cleanDir, String name) {
        return cleanDir.equals("/") ? "/" + name : cleanDir + "/" + name;
    }
}
