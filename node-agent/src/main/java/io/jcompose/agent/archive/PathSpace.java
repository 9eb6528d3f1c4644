package io.jcompose.agent.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a copy works on, seen as one tree of absolute paths: a running container's is its init's root
 * ({@code /proc/PID/root}, volumes and tmpfs included, one mapping); a stopped container's is its rootfs with
 * each volume or bind mount mapped to its host source (the longest mount target that is a prefix of a path
 * decides where it lives); the CLI's own side is the host's {@code /}. Roots are opened on first use and
 * closed with the space.
 */
public final class PathSpace implements AutoCloseable {
    /**
     * A mount of the tree.
     *
     * @param target   absolute, clean path in the tree ({@code /} for the root)
     * @param source   the host directory (or file, for a bind of one file) that holds it; null when the root's
     *                 own view already shows it (a running container) and only its read-only flag counts
     * @param readOnly writes under it are refused
     */
    public record Mapping(String target, Path source, boolean readOnly) {
    }

    /** Where a path lives: a directory descriptor and the path relative to it ({@code ""} for the directory). */
    record Placed(Fd root, String relative, Mapping mapping) {
    }

    private final List<Mapping> mappings;
    private final Map<String, Fd> opened = new HashMap<>();

    /** {@code live}: mappings other than the root carry only their read-only flag. */
    public PathSpace(List<Mapping> mappings, boolean live) {
        this(live ? mappings.stream().map(m -> m.target().equals("/") ? m : new Mapping(m.target(), null, m.readOnly()))
                .toList() : mappings);
    }

    public PathSpace(List<Mapping> mappings) {
        List<Mapping> sorted = new ArrayList<>(mappings);
        sorted.sort(Comparator.comparingInt((Mapping m) -> m.target().length()).reversed());
        if (sorted.stream().noneMatch(m -> m.target().equals("/"))) {
            throw new IllegalArgumentException("a path space needs a root mapping");
        }
        this.mappings = List.copyOf(sorted);
    }

    /** One root: the host's {@code /}, or a running container's {@code /proc/PID/root}. */
    public static PathSpace of(Path root, boolean readOnly) {
        return new PathSpace(List.of(new Mapping("/", root, readOnly)));
    }

    Placed place(String cleanPath) {
        for (Mapping m : mappings) {
            String rest = below(cleanPath, m.target());
            if (rest == null || m.source() == null) {
                continue;
            }
            if (!m.target().equals("/") && !Files.isDirectory(m.source())) {
                // a bind of one file: its directory is the root, the file the only name in it
                return new Placed(root(m.target(), m.source().getParent()), rest.isEmpty()
                        ? m.source().getFileName().toString() : m.source().getFileName() + "/" + rest, m);
            }
            return new Placed(root(m.target(), m.source()), rest, m);
        }
        throw new IllegalStateException("no mapping for " + cleanPath);
    }

    /** Whether the mount that holds {@code cleanPath} is read-only. */
    public boolean readOnly(String cleanPath) {
        for (Mapping m : mappings) {
            if (below(cleanPath, m.target()) != null) {
                return m.readOnly();
            }
        }
        return false;
    }

    /** A mount target other than the root: a walk of a directory takes its content from the mapping there. */
    boolean isMountPoint(String cleanPath) {
        for (Mapping m : mappings) {
            if (!m.target().equals("/") && m.source() != null && m.target().equals(cleanPath)) {
                return true;
            }
        }
        return false;
    }

    private Fd root(String target, Path source) {
        return opened.computeIfAbsent(target, t -> Fd.openHostDirectory(source)).borrowed();
    }

    /** {@code path} relative to {@code prefix} when it is {@code prefix} or below it, else null. */
    private static String below(String path, String prefix) {
        if (prefix.equals("/")) {
            return path.substring(1);
        }
        if (path.equals(prefix)) {
            return "";
        }
        return path.startsWith(prefix + "/") ? path.substring(prefix.length() + 1) : null;
    }

    @Override
    public void close() {
        opened.values().forEach(Fd::close);
        opened.clear();
    }
}
