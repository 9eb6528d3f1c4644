package io.jcompose.image.blob;

import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.ImageException;
import io.jcompose.image.digest.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Blobs addressed by digest under {@code <root>/blobs/<algorithm>/<hex>}. A blob appears there only
 * after its bytes were written to {@code <root>/ingest/}, checked against the expected digest and
 * size, flushed, and renamed into place in one atomic step; readers therefore never see a partial
 * blob. Writers of the same digest are serialized by a lock per digest; the one that comes second
 * finds the blob present, which is success. One process (the agent) owns a store root: the locks
 * are not shared with other processes.
 *
 * <pre>{@code
 * try (BlobWriter w = store.writer(descriptor.digest(), descriptor.size())) {
 *     if (!w.alreadyPresent()) { in.transferTo(w); w.commit(); }
 * }
 * }</pre>
 */
public final class ContentStore {
    private final Path blobs;
    private final Path ingest;
    private final ConcurrentHashMap<Digest, ReentrantLock> locks = new ConcurrentHashMap<>();

    public ContentStore(Path root) {
        this.blobs = root.resolve("blobs");
        this.ingest = root.resolve("ingest");
        try {
            Files.createDirectories(blobs.resolve(Digest.SHA256));
            Files.createDirectories(ingest);
        } catch (IOException e) {
            throw new ImageException(Kind.INTERNAL, "cannot create the content store under " + root + ": " + e,
                    "check that the directory is writable", e);
        }
    }

    /** Where the blob lives (or would live). */
    public Path path(Digest digest) {
        return blobs.resolve(digest.algorithm()).resolve(digest.encoded());
    }

    public boolean contains(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    /** The stored size, or -1 when the blob is absent. */
    public long size(Digest digest) {
        try {
            return Files.size(path(digest));
        } catch (IOException e) {
            return -1;
        }
    }

    public InputStream open(Digest digest) {
        try {
            return Files.newInputStream(path(digest));
        } catch (NoSuchFileException e) {
            throw new ImageException(Kind.NOT_FOUND, "blob " + digest + " is not in the content store",
                    "pull the image again", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a small blob (manifest, config) whole; refuses anything above {@code maxBytes}. */
    public byte[] read(Digest digest, long maxBytes) {
        long size = size(digest);
        if (size < 0) {
            throw new ImageException(Kind.NOT_FOUND, "blob " + digest + " is not in the content store",
                    "pull the image again");
        }
        if (size > maxBytes) {
            throw new ImageException(Kind.INVALID_ARGUMENT, "blob " + digest + " has " + size
                    + " bytes, more than the " + maxBytes + " allowed for a document", null);
        }
        try {
            return Files.readAllBytes(path(digest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores a stream whose digest is not known in advance (a file inside an archive): it is hashed
     * while written to the ingest area, then published under the digest it turned out to have.
     *
     * @param maxBytes refuse streams longer than this
     */
    public Digest ingest(InputStream in, long maxBytes) {
        Path tmp = ingest.resolve("stream-" + UUID.randomUUID());
        MessageDigest md = Digest.newMessageDigest(Digest.SHA256);
        try {
            long total = 0;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buffer = new byte[1 << 17];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        throw new ImageException(Kind.RESOURCE_EXHAUSTED, "a blob is larger than " + maxBytes + " bytes",
                                "if the archive is trusted, raise the image store's size limit");
                    }
                    md.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            Digest digest = Digest.of(Digest.SHA256, md);
            ReentrantLock lock = locks.computeIfAbsent(digest, d -> new ReentrantLock());
            lock.lock();
            try {
                if (!contains(digest)) {
                    try (FileChannel ch = FileChannel.open(tmp,
                            StandardOpenOption.WRITE)) {
                        ch.force(false);
                    }
                    Files.move(tmp, path(digest), StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                lock.unlock();
            }
            return digest;
        } catch (IOException e) {
            throw new ImageException(Kind.INTERNAL, "cannot store a blob: " + e.getMessage(),
                    "check free space and permissions", e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // swept at the next start
            }
        }
    }

    /** A fresh path in the ingest area for a blob written outside a {@link BlobWriter} (a built layer). */
    public Path newIngestFile() {
        return ingest.resolve("file-" + UUID.randomUUID());
    }

    /**
     * Publishes {@code file}, written in the ingest area (see {@link #newIngestFile()}) and already
     * hashed by its writer to {@code digest}, by renaming it; present already is success (the file is
     * then deleted).
     */
    public void publish(Path file, Digest digest) {
        ReentrantLock lock = locks.computeIfAbsent(digest, d -> new ReentrantLock());
        lock.lock();
        try {
            if (contains(digest)) {
                Files.deleteIfExists(file);
                return;
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.force(false);
            }
            Files.move(file, path(digest), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ImageException(Kind.INTERNAL, "cannot store blob " + digest + ": " + e.getMessage(),
                    "check free space and permissions", e);
        } finally {
            lock.unlock();
        }
    }

    /** Stores {@code content} under its sha256 digest; present already is fine. */
    public Digest put(byte[] content) {
        Digest digest = Digest.sha256(content);
        put(digest, content);
        return digest;
    }

    /** Stores {@code content}, which must hash to {@code digest}. */
    public void put(Digest digest, byte[] content) {
        try (BlobWriter w = writer(digest, content.length)) {
            if (w.alreadyPresent()) return;
            w.write(content);
            w.commit();
        }
    }

    /**
     * A writer for the blob {@code digest} of {@code size} bytes ({@code -1} when unknown). Blocks while
     * another writer of the same digest is active. Closing it without {@link BlobWriter#commit()}
     * removes what was written.
     */
    public BlobWriter writer(Digest digest, long size) {
        ReentrantLock lock = locks.computeIfAbsent(digest, d -> new ReentrantLock());
        lock.lock();
        try {
            return new BlobWriter(this, digest, size, ingest.resolve(digest.algorithm() + "-" + digest.encoded()),
                    path(digest), lock);
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    /** Every stored blob. */
    public List<Digest> list() {
        List<Digest> result = new ArrayList<>();
        try (DirectoryStream<Path> algorithms = Files.newDirectoryStream(blobs)) {
            for (Path algorithm : algorithms) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(algorithm)) {
                    for (Path file : files) {
                        String name = algorithm.getFileName() + ":" + file.getFileName();
                        if (Digest.isDigest(name)) result.add(Digest.parse(name));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.sort(null);
        return result;
    }

    /** Removes a blob; absent is fine. */
    public void delete(Digest digest) {
        ReentrantLock lock = locks.computeIfAbsent(digest, d -> new ReentrantLock());
        lock.lock();
        try {
            Files.deleteIfExists(path(digest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    /** Files left in the ingest area by a crashed writer; called once at start-up. */
    public void removeAbandonedIngests() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(ingest)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                int dash = name.indexOf('-');
                Digest digest = dash > 0 && Digest.isDigest(name.substring(0, dash) + ":" + name.substring(dash + 1))
                        ? Digest.parse(name.substring(0, dash) + ":" + name.substring(dash + 1)) : null;
                ReentrantLock lock = digest == null ? null : locks.computeIfAbsent(digest, d -> new ReentrantLock());
                if (lock != null && !lock.tryLock()) continue;
                try {
                    Files.deleteIfExists(file);
                } finally {
                    if (lock != null) lock.unlock();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
