package io.jcompose.image.build.context;

import io.jcompose.image.build.BuildException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A build context directory as COPY and ADD see it: sources are named relative to its root, never
 * leave it (a {@code ..} that would climb out is refused; a symlink on the way is resolved inside the
 * root, as Docker does, never against the host's {@code /}), and {@code .dockerignore}'d entries do
 * not exist.
 *
 * <pre>{@code
 * BuildContext ctx = new BuildContext(dir, DockerIgnore.forContext(dir, dir.resolve("Dockerfile")));
 * List<Source> src = ctx.select("src/*.java");
 * String key = ctx.hash(src);          // part of the step's cache key
 * LayerFiles.copy(ctx, src, "/app/", false, layerDir, null, null);
 * }</pre>
 */
public final class BuildContext {
    private static final int MAX_LINKS = 40;

    private final Path root;
    private final DockerIgnore ignore;
    private final FileHashCache hashes;
    private final ContextTree tree;

    public BuildContext(Path root, DockerIgnore ignore) {
        this(root, ignore, new FileHashCache());
    }

    /** With a cache of file hashes kept across builds of the same context. */
    public BuildContext(Path root, DockerIgnore ignore, FileHashCache hashes) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new BuildException("build context " + root + " cannot be read: " + e.getMessage(),
                    "check that the context directory exists (build.context in the compose file)");
        }
        if (!Files.isDirectory(this.root)) {
            throw new BuildException("build context " + root + " is not a directory",
                    "point build.context at the directory holding the sources");
        }
        this.ignore = ignore == null ? DockerIgnore.none() : ignore;
        this.hashes = hashes;
        this.tree = new ContextTree(this.ignore);
    }

    public Path root() {
        return root;
    }

    public DockerIgnore ignore() {
        return ignore;
    }

    /**
     * The context entries a COPY/ADD source (a path or glob, relative to the context, {@code ..} cleaned
     * away — a source that would leave the context is refused) stands for, in name order. A source that
     * matches nothing is an error naming it (and saying when .dockerignore excluded it).
     */
    public List<Source> select(String source) {
        if (source.startsWith("http://") || source.startsWith("https://") || source.startsWith("git@")) {
            throw new BuildException("source \"" + source + "\" is a URL: jcompose builds offline and fetches no remote sources",
                    "download the file into the build context and COPY it from there");
        }
        List<String> segments = segments(source);
        List<Match> matches = List.of(new Match(List.of(), List.of(), null));
        String escapingLink = null;
        for (String segment : segments) {
            List<Match> next = new ArrayList<>();
            boolean glob = Glob.hasWildcards(segment);
            Pattern regex = glob ? Glob.compile(segment, false) : null;
            for (Match m : matches) {
                if (m.stat() != null && !m.stat().isDirectory()) continue; // a file has nothing below it
                List<String> names = glob ? children(m.real(), regex) : List.of(Glob.unescape(segment));
                for (String name : names) {
                    Resolved r = resolve(m.real(), name);
                    if (r.escapingLink() != null) escapingLink = r.escapingLink();
                    if (r.real() == null) continue;
                    List<String> display = new ArrayList<>(m.display());
                    display.add(name);
                    next.add(new Match(display, r.real(), r.stat()));
                }
            }
            matches = next;
        }
        List<Source> out = new ArrayList<>();
        boolean ignored = false;
        for (Match m : matches) {
            if (m.stat() == null && !m.real().isEmpty()) continue;
            String display = m.display().isEmpty() ? "." : String.join("/", m.display());
            String real = m.real().isEmpty() ? "." : String.join("/", m.real());
            Path path = join(m.real());
            boolean directory = m.stat() == null || m.stat().isDirectory();
            Source s = new Source(source, display, path, directory);
            if (!m.real().isEmpty() && (ignore.excluded(display) || ignore.excluded(real)) && !reincludesSomething(s, real)) {
                ignored = true;
                continue;
            }
            out.add(s);
        }
        if (out.isEmpty()) throw nothingMatched(source, ignored, escapingLink);
        return List.copyOf(out);
    }

    /** An excluded directory still counts when a {@code !} rule brings back something below it. */
    private boolean reincludesSomething(Source s, String real) {
        return s.directory() && ignore.mayReinclude(real) && tree.entries(s, real).size() > 1;
    }

    private static BuildException nothingMatched(String source, boolean ignored, String escapingLink) {
        if (ignored) {
            return new BuildException("COPY source \"" + source + "\" is excluded by .dockerignore",
                    "remove the matching pattern from .dockerignore (or add a \"!\" exception for it)");
        }
        if (escapingLink != null) {
            return new BuildException("COPY source \"" + source + "\" goes through the symlink " + escapingLink
                    + ", which points outside the build context; links are resolved inside the context and nothing is there",
                    "copy the real file into the build context instead of linking to it");
        }
        return new BuildException("COPY source \"" + source + "\" does not exist in the build context",
                "check the path (it is relative to the build context, not to the Dockerfile)");
    }

    /**
     * A digest ({@code sha256:<hex>}) of what {@code sources} would copy: relative names, types, modes,
     * link targets, file contents — excluded files left out. Unchanged files are not re-read.
     */
    public String hash(List<Source> sources) {
        MessageDigest sha = FileHashCache.newSha256();
        for (Source source : sources) {
            text(sha, "source");
            text(sha, source.pattern());
            text(sha, source.relativePath());
            for (ContextTree.Entry e : entries(source)) {
                FileStat st = e.stat();
                text(sha, e.name());
                number(sha, st.type());
                number(sha, st.permissions());
                if (st.isSymlink()) text(sha, linkTarget(e.path()));
                if (st.isFile()) {
                    number(sha, st.size());
                    sha.update(hashes.sha256(e.path(), st));
                }
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /** What {@code source} copies, .dockerignore applied. */
    List<ContextTree.Entry> entries(Source source) {
        String real = root.equals(source.path()) ? "." : root.relativize(source.path()).toString();
        return tree.entries(source, real);
    }

    static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new BuildException("cannot read the symlink " + link + ": " + e.getMessage(), "check its permissions");
        }
    }

    private static void text(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static void number(MessageDigest sha, long n) {
        for (int shift = 56; shift >= 0; shift -= 8) sha.update((byte) (n >>> shift));
    }

    /** Splits a source into segments, refusing any {@code ..} that would climb above the context root. */
    private static List<String> segments(String source) {
        if (source.isEmpty()) {
            throw new BuildException("empty COPY source", "name a file or directory of the build context, or \".\"");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : source.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new BuildException("COPY source \"" + source + "\" is outside the build context",
                            "move the file into the build context (or make the context a parent directory of it)");
                }
                parts.removeLast();
                continue;
            }
            if (part.indexOf('\0') >= 0) throw new BuildException("COPY source \"" + source + "\" contains a NUL byte", "fix the name");
            parts.addLast(part);
        }
        return List.copyOf(parts);
    }

    private record Match(List<String> display, List<String> real, FileStat stat) {
    }

    /** A name resolved inside the root; {@code real} is null when nothing is there. */
    private record Resolved(List<String> real, FileStat stat, String escapingLink) {
    }

    /** Names in the real directory {@code dir} that {@code regex} matches, sorted; none if it is not a directory. */
    private List<String> children(List<String> dir, Pattern regex) {
        Path path = join(dir);
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(path)) return names;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (regex.matcher(name).matches()) names.add(name);
            }
        } catch (IOException e) {
            throw new BuildException("cannot list " + path + ": " + e.getMessage(), "check its permissions");
        }
        Collections.sort(names);
        return names;
    }

    /**
     * Resolves {@code name} inside the real directory {@code base}, following symlinks (the last one
     * too, as COPY does for a source) within the root: an absolute target starts again at the root and
     * {@code ..} stops there, like a chroot.
     */
    private Resolved resolve(List<String> base, String name) {
        Deque<String> pending = new ArrayDeque<>();
        pending.add(name);
        List<String> resolved = new ArrayList<>(base);
        String escaping = null;
        int links = 0;
        try {
            while (!pending.isEmpty()) {
                String part = pending.removeFirst();
                if (part.isEmpty() || part.equals(".")) continue;
                if (part.equals("..")) {
                    if (resolved.isEmpty()) continue;
                    resolved.removeLast();
                    continue;
                }
                Path candidate = join(resolved).resolve(part);
                FileStat stat = FileStat.of(candidate);
                if (stat == null) return new Resolved(null, null, escaping);
                if (stat.isSymlink()) {
                    if (++links > MAX_LINKS) {
                        throw new BuildException("too many levels of symbolic links at \"" + String.join("/", resolved) + "/" + part + "\"",
                                "fix the symlink loop in the build context");
                    }
                    String target = linkTarget(candidate);
                    if (target.startsWith("/") || climbsOut(resolved.size(), target)) {
                        escaping = "\"" + root.relativize(candidate) + "\" -> \"" + target + "\"";
                    }
                    if (target.startsWith("/")) resolved.clear();
                    String[] parts = target.split("/");
                    for (int i = parts.length - 1; i >= 0; i--) pending.addFirst(parts[i]);
                    continue;
                }
                if (!stat.isDirectory() && !pending.isEmpty()) return new Resolved(null, null, escaping);
                resolved.add(part);
            }
            return new Resolved(List.copyOf(resolved), resolved.isEmpty() ? null : FileStat.of(join(resolved)), escaping);
        } catch (IOException e) {
            throw new BuildException("cannot read \"" + name + "\" in the build context: " + e.getMessage(), "check its permissions");
        }
    }

    private static boolean climbsOut(int depth, String target) {
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            depth += part.equals("..") ? -1 : 1;
            if (depth < 0) return true;
        }
        return false;
    }

    private Path join(List<String> parts) {
        Path p = root;
        for (String part : parts) p = p.resolve(part);
        return p;
    }
}
