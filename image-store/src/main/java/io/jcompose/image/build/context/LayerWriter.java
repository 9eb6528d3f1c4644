package io.jcompose.image.build.context;

import io.jcompose.image.build.BuildException;
import io.jcompose.image.posix.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes files into a layer directory on behalf of one COPY/ADD. The directory is private to the step
 * and starts empty, so every directory on a path we write through was created (and checked) by us:
 * the kernel never follows a link we did not mean it to. A symlink the copy itself placed is replaced,
 * never followed, when a later entry needs a directory or file at its name.
 */
final class LayerWriter {
    private static final int DIRECTORY_MODE = 0755;

    private final Path layerDir;
    private final Owner owner;
    private final Integer chmod;
    private final boolean privileged = Posix.geteuid() == 0;
    /** Directories get mode and time last: children change the time, and a 0555 mode would block them. */
    private final List<Runnable> deferred = new ArrayList<>();

    LayerWriter(Path layerDir, Owner owner, Integer chmod) {
        this.layerDir = layerDir;
        this.owner = owner == null ? Owner.ROOT : owner;
        this.chmod = chmod;
    }

    Path layerDir() {
        return layerDir;
    }

    /** The components of an image path ({@code /a/b/../c} is {@code [a, c]}); {@code ..} stops at the image root. */
    static List<String> components(String imagePath) {
        String clean = Glob.clean("/" + imagePath);
        List<String> parts = new ArrayList<>();
        for (String p : clean.split("/")) if (!p.isEmpty()) parts.add(p);
        return parts;
    }

    /** Creates each missing directory of {@code parts} as 0755 root-owned; returns the last one. */
    Path parents(List<String> parts) throws IOException {
        Path dir = layerDir;
        for (String part : parts) {
            dir = dir.resolve(part);
            FileStat st = FileStat.of(dir);
            if (st == null) {
                Files.createDirectory(dir);
                own(dir, Owner.ROOT);
                Posix.chmod(dir, DIRECTORY_MODE);
            } else if (!st.isDirectory()) {
                throw new BuildException("cannot create the directory " + "/" + layerDir.relativize(dir)
                        + ": this step already wrote a " + st.kind() + " there", "copy to a different destination");
            }
        }
        return dir;
    }

    /**
     * Creates the directory {@code dir} the copy writes into, if absent: with {@code like}'s mode and time
     * (a copied directory) or 0755 (a destination made for files), owned by the copy's owner.
     */
    void destination(Path dir, FileStat like) throws IOException {
        FileStat st = FileStat.of(dir);
        if (st != null && st.isDirectory()) return;
        if (st != null) Files.delete(dir);
        Files.createDirectory(dir);
        own(dir, owner);
        int mode = chmod != null ? chmod : like != null ? like.permissions() : DIRECTORY_MODE;
        deferMetadata(dir, mode, like == null ? -1 : like.mtimeNanos());
    }

    /** Copies one context entry to {@code target}, keeping its mode (unless chmod) and time. */
    void entry(ContextTree.Entry e, Path target) throws IOException {
        FileStat st = e.stat();
        FileStat existing = FileStat.of(target);
        if (st.isDirectory()) {
            if (existing != null && !existing.isDirectory()) Files.delete(target);
            if (existing == null || !existing.isDirectory()) Files.createDirectory(target);
            own(target, owner);
            deferMetadata(target, chmod != null ? chmod : st.permissions(), st.mtimeNanos());
            return;
        }
        if (st.isSocket()) return; // a live socket has no content; Docker leaves them out of the context too
        if (!st.isFile() && !st.isSymlink()) {
            throw new BuildException("cannot copy \"" + e.path() + "\": it is a " + st.kind(),
                    "exclude it in .dockerignore; COPY copies files, directories and symlinks");
        }
        if (existing != null) {
            if (existing.isDirectory()) {
                throw new BuildException("cannot copy the " + st.kind() + " \"" + e.path().getFileName()
                        + "\" over the directory /" + layerDir.relativize(target), "copy it to a different destination");
            }
            Files.delete(target);
        }
        if (st.isSymlink()) {
            Posix.symlink(BuildContext.linkTarget(e.path()), target);
            own(target, owner);
        } else {
            Files.copy(e.path(), target);
            own(target, owner); // before chmod: chown clears setuid and setgid
            Posix.chmod(target, chmod != null ? chmod : st.permissions());
        }
        times(target, st.mtimeNanos());
    }

    /** Writes {@code content} as a regular file at {@code target}. */
    void file(Path target, byte[] content, int mode) throws IOException {
        FileStat existing = FileStat.of(target);
        if (existing != null) {
            if (existing.isDirectory()) {
                throw new BuildException("cannot write a file over the directory /" + layerDir.relativize(target),
                        "name a file, or end the destination with '/' to write into the directory");
            }
            Files.delete(target);
        }
        Files.write(target, content);
        own(target, owner);
        Posix.chmod(target, chmod != null ? chmod : mode);
    }

    /** Sets the deferred directory modes and times, deepest first. */
    void finish() {
        for (Runnable r : deferred.reversed()) r.run();
        deferred.clear();
    }

    private void deferMetadata(Path dir, int mode, long mtimeNanos) {
        deferred.add(() -> {
            try {
                Posix.chmod(dir, mode);
                if (mtimeNanos >= 0) times(dir, mtimeNanos);
            } catch (IOException ex) {
                throw new BuildException("cannot set the mode of " + dir + ": " + ex.getMessage(), "check free space and permissions");
            }
        });
    }

    private void own(Path path, Owner who) throws IOException {
        // without root, files stay the builder's own; the image records them as they are
        if (privileged) Posix.lchown(path, who.uid(), who.gid());
    }

    private static void times(Path path, long nanos) throws IOException {
        Posix.lutimes(path, Math.floorDiv(nanos, 1_000_000_000L), (int) Math.floorMod(nanos, 1_000_000_000L));
    }
}
