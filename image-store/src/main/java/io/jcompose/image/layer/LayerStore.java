package io.jcompose.image.layer;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.digest.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Unpacked layers, one per chain ID, shared by every image that has them:
 * <pre>
 * layers/&lt;chain-hex&gt;/diff     the layer's files, in overlayfs lower-dir form
 * layers/&lt;chain-hex&gt;/link     its short id
 * l/&lt;short-id&gt;              symlink to ../layers/&lt;chain-hex&gt;/diff, so mount options stay short
 * </pre>
 * A layer is unpacked under {@code layers/.tmp-*}, its diff ID checked against the image config, and
 * only then renamed into place; a failed unpack leaves nothing behind.
 */
public final class LayerStore {
    /** Hex digits of the chain ID used as short id: 48 bits, ample for one host's layers. */
    static final int SHORT_ID_LENGTH = 12;

    private final Path layers;
    private final Path links;
    private final LayerApplier applier;
    private final ConcurrentHashMap<Digest, ReentrantLock> locks = new ConcurrentHashMap<>();

    public LayerStore(Path root, LayerApplier applier) {
        this.layers = root.resolve("layers");
        this.links = root.resolve("l");
        this.applier = applier;
        try {
            Files.createDirectories(layers);
            Files.createDirectories(links);
            Files.createDirectories(empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean contains(Digest chainId) {
        return Files.isDirectory(diff(chainId));
    }

    /** The unpacked files of a layer. */
    public Path diff(Digest chainId) {
        return layers.resolve(chainId.encoded()).resolve("diff");
    }

    /** An always-empty directory, the lower layer of an image without layers. */
    public Path empty() {
        return layers.resolve(".empty");
    }

    /** {@code l/<short-id>}: the short path of a layer, relative to the store root. */
    public String shortPath(Digest chainId) {
        return "l/" + chainId.encoded().substring(0, SHORT_ID_LENGTH);
    }

    /**
     * Unpacks {@code blob} as the layer {@code chainId} unless it is there already. Concurrent calls
     * for one chain ID unpack once.
     *
     * @return true when this call did the unpacking
     * @throws ImageException when the blob is hostile, too large, or its diff ID is not {@code diffId}
     */
    public boolean unpack(Digest chainId, Digest diffId, Supplier<InputStream> blob) {
        ReentrantLock lock = locks.computeIfAbsent(chainId, d -> new ReentrantLock());
        lock.lock();
        try {
            if (contains(chainId)) return false;
            Path tmp = layers.resolve(".tmp-" + UUID.randomUUID());
            try {
                Files.createDirectories(tmp.resolve("diff"));
                LayerApplier.Result result;
                try (InputStream in = blob.get()) {
                    result = applier.apply(in, tmp.resolve("diff"));
                }
                if (!result.diffId().equals(diffId)) {
                    throw new ImageException(Kind.INVALID_ARGUMENT, "layer content hashes to " + result.diffId()
                            + " but the image config says " + diffId,
                            "the image is inconsistent or tampered with; rebuild or re-push it");
                }
                publish(chainId, tmp);
                return true;
            } catch (IOException e) {
                throw new ImageException(Kind.INTERNAL, "cannot unpack layer " + chainId + ": " + e.getMessage(),
                        "check free space and permissions under " + layers, e);
            } finally {
                try {
                    Trees.delete(tmp);
                } catch (IOException ignored) {
                    // swept by removeAbandoned at the next start
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes {@code dir} — a directory in lower-dir form that a build wrote (a snapshot's upper dir, a
     * COPY's files), on the store's file system — the layer {@code chainId} by renaming it, so its files
     * are never copied or unpacked again. When the layer exists already, {@code dir} is deleted instead.
     *
     * @return true when {@code dir} became the layer
     */
    public boolean adopt(Digest chainId, Path dir) {
        ReentrantLock lock = locks.computeIfAbsent(chainId, d -> new ReentrantLock());
        lock.lock();
        Path tmp = layers.resolve(".tmp-" + UUID.randomUUID());
        try {
            if (contains(chainId)) {
                Trees.delete(dir);
                return false;
            }
            Files.createDirectories(tmp);
            Files.move(dir, tmp.resolve("diff"), StandardCopyOption.ATOMIC_MOVE);
            publish(chainId, tmp);
            return true;
        } catch (IOException e) {
            throw new ImageException(Kind.INTERNAL, "cannot store layer " + chainId + ": " + e.getMessage(),
                    "check free space and permissions under " + layers, e);
        } finally {
            try {
                Trees.delete(tmp);
            } catch (IOException ignored) {
                // swept by removeAbandoned at the next start
            }
            lock.unlock();
        }
    }

    /** Renames a prepared {@code tmp} (holding {@code diff}) into place and links its short id; caller holds the lock. */
    private void publish(Digest chainId, Path tmp) throws IOException {
        String shortId = chainId.encoded().substring(0, SHORT_ID_LENGTH);
        Files.writeString(tmp.resolve("link"), shortId, StandardCharsets.US_ASCII);
        Path link = links.resolve(shortId);
        Path target = Path.of("..", "layers", chainId.encoded(), "diff");
        if (Files.isSymbolicLink(link) && !Files.readSymbolicLink(link).equals(target)) {
            throw new ImageException(Kind.INTERNAL, "short layer id " + shortId + " is taken by another layer",
                    "remove " + link + " and pull again");
        }
        Files.move(tmp, layers.resolve(chainId.encoded()), StandardCopyOption.ATOMIC_MOVE);
        if (!Files.isSymbolicLink(link)) Files.createSymbolicLink(link, target);
    }

    /** Every unpacked layer. */
    public List<Digest> list() {
        List<Digest> result = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(layers)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (Digest.isDigest(Digest.SHA256 + ":" + name)) result.add(Digest.sha256Hex(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** Removes a layer and its short link; the caller makes sure nothing uses it. */
    public void remove(Digest chainId) {
        ReentrantLock lock = locks.computeIfAbsent(chainId, d -> new ReentrantLock());
        lock.lock();
        try {
            Files.deleteIfExists(links.resolve(chainId.encoded().substring(0, SHORT_ID_LENGTH)));
            Trees.delete(layers.resolve(chainId.encoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    /** Deletes unpack directories a crash left behind; called once at start-up. */
    public void removeAbandoned() {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(layers, ".tmp-*")) {
            for (Path dir : dirs) Trees.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
