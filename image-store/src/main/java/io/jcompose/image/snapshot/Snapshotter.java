package io.jcompose.image.snapshot;

import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.ImageException;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.layer.LayerStore;
import io.jcompose.image.layer.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writable snapshots for containers: {@code snapshots/<key>/upper} and {@code work} on top of an
 * image's unpacked layers. {@link #prepare} returns the overlay {@link Mount} to make; nothing here
 * mounts, so the agent decides where and when (containerd's snapshotter contract).
 *
 * <p>Many layers: lower dirs are named through {@code l/<12 hex>} symlinks (as containers/storage
 * does), which keeps an absolute lowerdir around 40 bytes per layer — about a hundred layers within
 * the kernel's 4096-byte limit for mount options. Beyond that the description switches to paths
 * relative to the store root ({@code l/<id>}, 15 bytes per layer, over 250 layers) and asks the agent
 * to mount from that directory. Docker itself caps images at 125 layers and overlayfs at 500 lower
 * layers; past 4096 bytes even in relative form the snapshot is refused with a clear error.
 */
public final class Snapshotter {
    /** The kernel copies mount options into one page, NUL included. */
    static final int MAX_MOUNT_DATA = 4095;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final String PARENTS = "parents";
    /** Removed snapshots until their files are deleted, beside {@code snapshots/}. */
    private static final String TRASH = "snapshot-trash";

    private final Path root;
    private final Path snapshots;
    private final LayerStore layers;
    private final boolean privileged;

    /**
     * @param privileged false when layers were unpacked without root: opaque directories then carry
     *                   {@code user.overlay.opaque} and the mount needs the {@code userxattr} option
     */
    public Snapshotter(Path root, LayerStore layers, boolean privileged) {
        this.root = root.toAbsolutePath();
        this.snapshots = this.root.resolve("snapshots");
        this.layers = layers;
        this.privileged = privileged;
        try {
            Files.createDirectories(snapshots);
            // what removals had not deleted yet when the last user of the store stopped
            Trees.delete(this.root.resolve(TRASH));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates the writable layer {@code key} (a container id) over {@code chainIds} (bottom first) and
     * describes its mount. Preparing an existing key with the same layers returns its mount again.
     */
    public Mount prepare(String key, List<Digest> chainIds) {
        checkKey(key);
        for (Digest chainId : chainIds) {
            if (!layers.contains(chainId)) {
                throw new ImageException(Kind.FAILED_PRECONDITION, "snapshot " + key + ": layer " + chainId
                        + " is not unpacked", "pull the image again");
            }
        }
        Path dir = snapshots.resolve(key);
        try {
            if (Files.isDirectory(dir)) {
                if (!parents(key).equals(chainIds)) {
                    throw new ImageException(Kind.ALREADY_EXISTS, "snapshot " + key + " exists on other layers",
                            "remove the container's snapshot first");
                }
                return mount(key);
            }
            Path tmp = snapshots.resolve(".tmp-" + key);
            Trees.delete(tmp);
            Files.createDirectories(tmp.resolve("upper"));
            Files.createDirectories(tmp.resolve("work"));
            List<String> lines = chainIds.stream().map(Digest::toString).toList();
            Files.write(tmp.resolve(PARENTS), lines, StandardCharsets.US_ASCII);
            Files.move(tmp, dir);
            return mount(key);
        } catch (IOException e) {
            throw new ImageException(Kind.INTERNAL, "cannot create snapshot " + key + ": " + e.getMessage(),
                    "check free space and permissions under " + snapshots, e);
        }
    }

    /** The mount description of an existing snapshot. */
    public Mount mount(String key) {
        checkKey(key);
        List<Digest> parents = parents(key);
        List<String> lower = new ArrayList<>();
        for (int i = parents.size() - 1; i >= 0; i--) lower.add(layers.shortPath(parents.get(i)));
        if (lower.isEmpty()) lower.add(root.relativize(layers.empty()).toString());
        String upper = "snapshots/" + key + "/upper";
        String work = "snapshots/" + key + "/work";
        Mount absolute = overlay(lower.stream().map(p -> root.resolve(p).toString()).toList(),
                root.resolve(upper).toString(), root.resolve(work).toString(), null);
        if (absolute.data().length() <= MAX_MOUNT_DATA) return absolute;
        Mount relative = overlay(lower, upper, work, root);
        if (relative.data().length() <= MAX_MOUNT_DATA) return relative;
        throw new ImageException(Kind.FAILED_PRECONDITION, "snapshot " + key + ": the image has " + parents.size()
                + " layers, more than one overlay mount can name", "squash the image into fewer layers");
    }

    private Mount overlay(List<String> lower, String upper, String work, Path cwd) {
        List<String> options = new ArrayList<>();
        options.add("lowerdir=" + String.join(":", lower));
        options.add("upperdir=" + upper);
        options.add("workdir=" + work);
        if (!privileged) options.add("userxattr");
        return new Mount("overlay", "overlay", options, cwd);
    }

    /** The container's own changes (what {@code docker diff} would look at). */
    public Path upper(String key) {
        checkKey(key);
        return snapshots.resolve(key).resolve("upper");
    }

    public void remove(String key) {
        checkKey(key);
        Path dir = snapshots.resolve(key);
        try {
            // One rename frees the key at once; the files (an upper and a work directory, whatever the container
            // wrote) are deleted on a thread of their own, so a container's removal does not wait for them.
            Path trash = Files.createDirectories(root.resolve(TRASH)).resolve(key + "." + System.nanoTime());
            Files.move(dir, trash, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Thread.ofVirtual().name("snapshot-trash").start(() -> deleteQuietly(trash));
            return;
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            // deleted in place below
        }
        try {
            Trees.delete(dir);
        } catch (IOException e) {
            throw new ImageException(Kind.INTERNAL, "cannot remove snapshot " + key + ": " + e.getMessage(),
                    "make sure it is unmounted", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Trees.delete(dir);
        } catch (IOException | RuntimeException e) {
            // what is left goes when the store is next opened
        }
    }

    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(snapshots)) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                if (KEY.matcher(name).matches() && Files.isRegularFile(d.resolve(PARENTS))) keys.add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys.sort(null);
        return keys;
    }

    /** Layers some snapshot stands on: they must not be pruned. */
    public Set<Digest> layersInUse() {
        Set<Digest> used = new HashSet<>();
        for (String key : keys()) used.addAll(parents(key));
        return used;
    }

    private List<Digest> parents(String key) {
        Path file = snapshots.resolve(key).resolve(PARENTS);
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII).stream().filter(l -> !l.isBlank())
                    .map(Digest::parse).toList();
        } catch (NoSuchFileException e) {
            throw new ImageException(Kind.NOT_FOUND, "snapshot " + key + " does not exist", "prepare it first");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new ImageException(Kind.INVALID_ARGUMENT, "invalid snapshot key \"" + key + "\"",
                    "use up to 128 letters, digits, '_', '.' and '-', starting with a letter or digit");
        }
    }
}
