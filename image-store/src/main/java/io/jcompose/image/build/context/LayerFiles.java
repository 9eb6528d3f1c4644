package io.jcompose.image.build.context;

import io.jcompose.image.build.BuildException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the result of COPY and ADD into a layer directory, following Docker's rules:
 * <ul>
 *   <li>the destination is a directory when it ends with {@code /}, already is one in the image
 *       ({@code destIsDirectory}), or when there are several sources or a glob; a single file copied to
 *       anything else is written at that path;</li>
 *   <li>a directory source copies its contents, not itself;</li>
 *   <li>missing parents are created 0755 and root-owned; what is copied keeps its mode (unless
 *       {@code chmod}) and modification time, and belongs to 0:0 (unless {@code owner}, which also owns
 *       the destination directory when the copy creates it);</li>
 *   <li>symlinks stay symlinks; hardlinks become separate files; sockets are left out; FIFOs and
 *       devices are refused; .dockerignore'd files are skipped.</li>
 * </ul>
 * Ownership is only set when running as root.
 */
public final class LayerFiles {
    private LayerFiles() {
    }

    /**
     * Copies {@code sources} into {@code layerDir} (an empty directory that becomes the layer) at
     * {@code dest} (absolute in the image; ending with '/' = directory).
     */
    public static void copy(BuildContext context, List<Source> sources, String dest, boolean destIsDirectory,
                            Path layerDir, Owner owner, Integer chmod) {
        write(context, sources, dest, destIsDirectory, layerDir, owner, chmod, false);
    }

    /**
     * ADD: a local tar archive (plain, gzip, bzip2, xz or zstd, detected by content) is extracted at
     * {@code dest} (always a directory then) instead of copied; anything else is copied like COPY.
     */
    public static void add(BuildContext context, List<Source> sources, String dest, boolean destIsDirectory,
                           Path layerDir, Owner owner, Integer chmod) {
        write(context, sources, dest, destIsDirectory, layerDir, owner, chmod, true);
    }

    /** {@code COPY <<EOF /dest}: writes {@code content} as the file {@code dest} (mode 0644 unless chmod). */
    public static void writeFile(Path layerDir, String dest, String content, Owner owner, Integer chmod) {
        if (dest.endsWith("/")) {
            throw new BuildException("the heredoc destination \"" + dest + "\" is a directory, and no file name was given",
                    "name the file in the destination, e.g. " + dest + "file.txt");
        }
        writeFile(layerDir, dest, null, content, owner, chmod);
    }

    /**
     * {@code COPY <<NAME /dest}: writes {@code content} at {@code dest}, or at {@code dest/NAME} when
     * {@code dest} ends with '/'.
     */
    public static void writeFile(Path layerDir, String dest, String name, String content, Owner owner, Integer chmod) {
        List<String> parts = LayerWriter.components(dest);
        if (dest.endsWith("/") || parts.isEmpty()) {
            if (name == null || name.isEmpty() || name.contains("/")) {
                throw new BuildException("cannot write a heredoc to the directory \"" + dest + "\" without a file name",
                        "name the file in the destination");
            }
            parts = new java.util.ArrayList<>(parts);
            parts.add(name);
        }
        LayerWriter out = new LayerWriter(layerDir, owner, chmod);
        try {
            Path dir = out.parents(parts.subList(0, parts.size() - 1));
            out.file(dir.resolve(parts.getLast()), content.getBytes(StandardCharsets.UTF_8), 0644);
            out.finish();
        } catch (IOException e) {
            throw failed(dest, e);
        }
    }

    private static void write(BuildContext context, List<Source> sources, String dest, boolean destIsDirectory,
                              Path layerDir, Owner owner, Integer chmod, boolean unpack) {
        List<String> parts = LayerWriter.components(dest);
        boolean glob = sources.stream().anyMatch(s -> Glob.hasWildcards(s.pattern()));
        boolean intoDirectory = dest.endsWith("/") || dest.endsWith("/.") || parts.isEmpty() || destIsDirectory
                || sources.size() > 1 || glob;
        LayerWriter out = new LayerWriter(layerDir, owner, chmod);
        try {
            for (Source source : sources) {
                List<ContextTree.Entry> entries = context.entries(source);
                if (source.directory()) {
                    Path target = parentsAndDestination(out, parts, destIsDirectory, entries.getFirst().stat());
                    for (ContextTree.Entry e : entries.subList(1, entries.size())) out.entry(e, target.resolve(e.name()));
                } else if (unpack && entries.getFirst().stat().isFile() && LocalArchive.isArchive(source.path())) {
                    LocalArchive.extract(source.path(), source.relativePath(), parentsAndDestination(out, parts, destIsDirectory, null));
                } else if (intoDirectory) {
                    Path target = parentsAndDestination(out, parts, destIsDirectory, null);
                    out.entry(entries.getFirst(), target.resolve(source.name()));
                } else {
                    Path dir = out.parents(parts.subList(0, parts.size() - 1));
                    out.entry(entries.getFirst(), dir.resolve(parts.getLast()));
                }
            }
            out.finish();
        } catch (IOException e) {
            throw failed(dest, e);
        }
    }

    /** The directory at {@code parts}: parents 0755 root-owned, itself made by the copy unless the image has it. */
    private static Path parentsAndDestination(LayerWriter out, List<String> parts, boolean destIsDirectory, FileStat like)
            throws IOException {
        if (parts.isEmpty()) return out.layerDir();
        if (destIsDirectory) return out.parents(parts);
        Path dir = out.parents(parts.subList(0, parts.size() - 1)).resolve(parts.getLast());
        out.destination(dir, like);
        return dir;
    }

    private static BuildException failed(String dest, IOException e) {
        return new BuildException("cannot write " + dest + " into the layer: " + e.getMessage(),
                "check free space and permissions of the builder's directory");
    }
}
