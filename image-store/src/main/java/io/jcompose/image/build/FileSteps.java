package io.jcompose.image.build;

import io.jcompose.image.build.context.BuildContext;
import io.jcompose.image.build.context.DockerIgnore;
import io.jcompose.image.build.context.LayerFiles;
import io.jcompose.image.build.context.Owner;
import io.jcompose.image.build.context.Source;
import io.jcompose.image.build.dockerfile.Heredoc;
import io.jcompose.image.build.layer.LayeredTree;
import io.jcompose.image.build.state.BuildState;
import io.jcompose.image.layer.LayerStore;
import io.jcompose.image.layer.Trees;
import io.jcompose.image.posix.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What COPY, ADD and WORKDIR write: a fresh directory on the store's file system that becomes the layer. */
final class FileSteps {
    private final Path work;
    private final LayerStore layers;

    FileSteps(Path work, LayerStore layers) {
        this.work = work;
        this.layers = layers;
    }

    /** An empty directory for one step's files; the commit consumes it. */
    Path newDirectory() throws IOException {
        return Files.createDirectories(work.resolve("layer-" + UUID.randomUUID()));
    }

    LayeredTree tree(BuildState state) {
        return new LayeredTree(state.chainIds().stream().map(layers::diff).toList());
    }

    /** {@code WORKDIR}: the directories of {@code path} that the image lacks, root-owned 0755. */
    void makeDirectory(Path layerDir, String path) throws IOException {
        Path dir = layerDir;
        for (String part : path.split("/")) {
            if (part.isEmpty()) continue;
            dir = dir.resolve(part);
            Files.createDirectories(dir);
            Posix.chmod(dir, 0755);
        }
    }

    /**
     * The directories on the way to {@code dest} (and {@code dest} itself) that the step had to create in its layer
     * but that the image already has keep the image's mode, owner and time: {@code COPY x /tmp/} must leave
     * {@code /tmp} 1777, not make it 0755 in the layer that hides the one below.
     */
    static void keepImageDirectories(Path layerDir, String dest, LayeredTree tree) throws IOException {
        StringBuilder imagePath = new StringBuilder();
        Path dir = layerDir;
        for (String part : dest.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            imagePath.append('/').append(part);
            dir = dir.resolve(part);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
            Path below = tree.find(imagePath.toString());
            if (below == null || !Files.isDirectory(below, LinkOption.NOFOLLOW_LINKS)) continue;
            int mode = (Integer) Files.getAttribute(below, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int uid = (Integer) Files.getAttribute(below, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int gid = (Integer) Files.getAttribute(below, "unix:gid", LinkOption.NOFOLLOW_LINKS);
            if (Posix.geteuid() == 0) Posix.lchown(dir, uid, gid);
            Posix.chmod(dir, mode & 07777);
            FileTime mtime = Files.getLastModifiedTime(below, LinkOption.NOFOLLOW_LINKS);
            Files.setLastModifiedTime(dir, mtime);
        }
    }

    /** Heredoc files of a COPY/ADD: each named one is written at {@code dest}, or inside it when it is a directory. */
    static void writeHeredocs(Path layerDir, List<Heredoc> heredocs, String dest, boolean destIsDirectory, Owner owner,
                              Integer chmod) {
        boolean intoDirectory = destIsDirectory || dest.endsWith("/") || heredocs.size() > 1;
        for (Heredoc h : heredocs) {
            LayerFiles.writeFile(layerDir, intoDirectory && !dest.endsWith("/") ? dest + "/" : dest, h.name(),
                    h.content(), owner, chmod);
        }
    }

    /**
     * A context holding what {@code sources} name in another stage or image: the merged files of its
     * layers, materialized (files hardlinked) under a scratch directory the caller deletes.
     */
    BuildContext materialize(LayeredTree tree, List<String> sources, Path scratch) throws IOException {
        for (String source : sources) tree.materialize(staticPrefix(source), scratch);
        return new BuildContext(scratch, DockerIgnore.parse(""));
    }

    /** Sources of another stage are absolute in its file system; the context API takes them relative. */
    static List<String> relative(List<String> sources) {
        List<String> out = new ArrayList<>();
        for (String s : sources) {
            String r = s;
            while (r.startsWith("/")) r = r.substring(1);
            out.add(r.isEmpty() ? "." : r);
        }
        return out;
    }

    /** The part of a source pattern before its first wildcard, cut at a directory boundary. */
    static String staticPrefix(String pattern) {
        int wild = -1;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                wild = i;
                break;
            }
        }
        if (wild < 0) return pattern;
        int slash = pattern.lastIndexOf('/', wild);
        return slash < 0 ? "" : pattern.substring(0, slash);
    }

    static void deleteQuietly(Path dir) {
        try {
            Trees.delete(dir);
        } catch (IOException ignored) {
            // under the build's work directory, which is removed at the end as a whole
        }
    }

    List<Source> select(BuildContext context, List<String> sources) {
        List<Source> selected = new ArrayList<>();
        for (String s : sources) selected.addAll(context.select(s));
        return selected;
    }
}
