package io.jcompose.image.build.layer;

import io.jcompose.image.posix.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The file system an image's unpacked layers make, read without mounting: a path is looked up from the
 * top layer down, a whiteout (0/0 character device) hides it and everything below, an opaque directory
 * hides what lower layers hold under it. Symlinks inside the path are not followed (Docker resolves
 * COPY destinations and account files the same way for the common cases: real directories).
 */
public final class LayeredTree {
    private final List<Path> topFirst;

    /** @param diffsBottomFirst the unpacked layer directories, bottom first */
    public LayeredTree(List<Path> diffsBottomFirst) {
        this.topFirst = new ArrayList<>(diffsBottomFirst).reversed();
    }

    /** The file that an absolute or relative image path names, or null when the image does not have it. */
    public Path find(String imagePath) throws IOException {
        List<String> parts = components(imagePath);
        if (parts.isEmpty()) return null;
        for (Path layer : topFirst) {
            Lookup r = lookup(layer, parts);
            if (r == Lookup.HIDDEN) return null;
            if (r.found != null) return r.found;
            if (r == Lookup.STOP) return null;
        }
        return null;
    }

    /** True when {@code imagePath} is a directory in the image ({@code /} always is). */
    public boolean isDirectory(String imagePath) throws IOException {
        if (components(imagePath).isEmpty()) return true;
        Path p = find(imagePath);
        return p != null && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Copies the merged contents of {@code imagePath} (a file or a directory) to the same relative path
     * under {@code target}: regular files as hardlinks to the layer's (nothing is written through them),
     * directories and symlinks re-created with their modes, owners and times.
     *
     * @return false when the image has no such path
     */
    public boolean materialize(String imagePath, Path target) throws IOException {
        List<String> parts = components(imagePath);
        Path dest = target;
        for (String p : parts) dest = dest.resolve(p);
        if (parts.isEmpty()) {
            copyDirectory(parts, dest);
            return true;
        }
        Path source = find(imagePath);
        if (source == null) return false;
        Files.createDirectories(dest.getParent());
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) copyDirectory(parts, dest);
        else copyLeaf(source, dest);
        return true;
    }

    private void copyDirectory(List<String> parts, Path dest) throws IOException {
        Path self = parts.isEmpty() ? null : find(String.join("/", parts));
        if (!Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) Files.createDirectory(dest);
        for (String name : children(parts)) {
            List<String> child = new ArrayList<>(parts);
            child.add(name);
            Path source = find(String.join("/", child));
            if (source == null) continue;
            if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) copyDirectory(child, dest.resolve(name));
            else copyLeaf(source, dest.resolve(name));
        }
        if (self != null) copyMetadata(self, dest);
    }

    private static void copyLeaf(Path source, Path dest) throws IOException {
        if (Files.isSymbolicLink(source)) {
            Posix.symlink(Files.readSymbolicLink(source).toString(), dest);
            copyMetadata(source, dest);
        } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            Files.createLink(dest, source);
        }
        // devices and FIFOs are not copied by COPY --from either
    }

    private static void copyMetadata(Path source, Path dest) throws IOException {
        Map<String, Object> a = Files.readAttributes(source, "unix:mode,uid,gid,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        Posix.lchown(dest, (Integer) a.get("uid"), (Integer) a.get("gid"));
        if (!Files.isSymbolicLink(dest)) Posix.chmod(dest, (Integer) a.get("mode"));
        FileTime t = (FileTime) a.get("lastModifiedTime");
        Posix.lutimes(dest, t.toInstant().getEpochSecond(), t.toInstant().getNano());
    }

    /** The names a merged directory holds, whiteouts and opaque directories respected. */
    private Set<String> children(List<String> parts) throws IOException {
        Set<String> seen = new TreeSet<>();
        Set<String> hidden = new LinkedHashSet<>();
        for (Path layer : topFirst) {
            Path dir = layer;
            if (!parts.isEmpty()) {
                Lookup r = lookup(layer, parts);
                if (r == Lookup.HIDDEN) break;
                if (r.found == null) {
                    if (r == Lookup.STOP) break;
                    continue;
                }
                if (!Files.isDirectory(r.found, LinkOption.NOFOLLOW_LINKS)) break;
                dir = r.found;
            }
            String[] names = dir.toFile().list();
            if (names != null) {
                for (String n : names) {
                    if (hidden.contains(n)) continue;
                    if (isWhiteout(dir.resolve(n))) hidden.add(n);
                    else seen.add(n);
                }
            }
            if (!parts.isEmpty() && opaque(dir)) break;
        }
        return seen;
    }

    /** The outcome of looking a path up in one layer. */
    private record Lookup(Path found, String kind) {
        static final Lookup MISSING = new Lookup(null, "missing");
        static final Lookup HIDDEN = new Lookup(null, "hidden");
        static final Lookup STOP = new Lookup(null, "stop");
    }

    private static Lookup lookup(Path layer, List<String> parts) throws IOException {
        Path p = layer;
        boolean opaqueAbove = false;
        for (int i = 0; i < parts.size(); i++) {
            p = p.resolve(parts.get(i));
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return opaqueAbove ? Lookup.STOP : Lookup.MISSING;
            if (isWhiteout(p)) return Lookup.HIDDEN;
            if (i == parts.size() - 1) return new Lookup(p, "found");
            // a file or symlink where a directory is expected hides the lower layers' directory
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return Lookup.HIDDEN;
            opaqueAbove |= opaque(p);
        }
        return Lookup.MISSING;
    }

    private static boolean isWhiteout(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
        return ((Integer) a.get("mode") & 0170000) == 0020000 && (Long) a.get("rdev") == 0L;
    }

    private static boolean opaque(Path dir) throws IOException {
        for (String name : List.of("trusted.overlay.opaque", "user.overlay.opaque")) {
            byte[] v = Posix.lgetxattr(dir, name);
            if (v != null && v.length == 1 && v[0] == 'y') return true;
        }
        return false;
    }

    private static List<String> components(String imagePath) {
        List<String> parts = new ArrayList<>();
        for (String part : imagePath.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (!parts.isEmpty()) parts.removeLast();
            } else {
                parts.add(part);
            }
        }
        return parts;
    }
}
