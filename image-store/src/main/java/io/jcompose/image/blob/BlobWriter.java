package io.jcompose.image.blob;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.digest.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes one blob into the ingest area while hashing it, then {@link #commit() commits} it: size and
 * digest are checked, the file is flushed to disk and renamed into {@code blobs/}. Bytes beyond the
 * expected size are refused as they arrive, so a hostile server cannot fill the disk. Not thread-safe;
 * one writer per digest exists at a time.
 */
public final class BlobWriter extends OutputStream {
    private final Digest expected;
    private final long expectedSize;
    private final Path partial;
    private final Path target;
    private final ReentrantLock lock;
    private final boolean alreadyPresent;
    private FileChannel channel;
    private MessageDigest md;
    private long written;
    private boolean done;
    private Observer observer;

    /** Sees the bytes as they are written, e.g. to unpack a layer while it downloads. */
    public interface Observer {
        void write(byte[] b, int off, int len);

        /** The writer started over: what was seen so far is void. */
        void reset();
    }

    BlobWriter(ContentStore store, Digest expected, long expectedSize, Path partial, Path target, ReentrantLock lock) {
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.partial = partial;
        this.target = target;
        this.lock = lock;
        try {
            Files.createDirectories(target.getParent());
            this.alreadyPresent = Files.isRegularFile(target);
            if (!alreadyPresent) {
                this.channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                md = expected.newMessageDigest();
            }
        } catch (IOException e) {
            closeQuietly();
            lock.unlock();
            throw new ImageException(Kind.INTERNAL, "cannot write blob " + expected + ": " + e,
                    "check free space and permissions under " + partial.getParent(), e);
        }
    }

    /** Copies every byte written from now on to {@code newObserver}. */
    public void observe(Observer newObserver) {
        this.observer = newObserver;
    }

    /** True when the blob was already stored: nothing needs to be written, and closing is enough. */
    public boolean alreadyPresent() {
        return alreadyPresent;
    }

    /** Bytes written so far: where a resumed download continues. */
    public long offset() {
        return written;
    }

    public Digest digest() {
        return expected;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (alreadyPresent || done) throw new IllegalStateException("blob " + expected + " needs no more bytes");
        if (expectedSize >= 0 && written + len > expectedSize) {
            throw new ImageException(Kind.INVALID_ARGUMENT, "blob " + expected + " is larger than the "
                    + expectedSize + " bytes its descriptor announces",
                    "the registry or archive serves different content for this digest; report it to its owner");
        }
        md.update(b, off, len);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) channel.write(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("writing blob " + expected, e);
        }
        written += len;
        if (observer != null) observer.write(b, off, len);
    }

    /** Drops what was written, for a source that cannot resume and starts over from byte 0. */
    public void reset() {
        if (alreadyPresent || done) return;
        try {
            channel.truncate(0);
            channel.position(0);
        } catch (IOException e) {
            throw new UncheckedIOException("resetting blob " + expected, e);
        }
        md = expected.newMessageDigest();
        boolean hadBytes = written > 0;
        written = 0;
        if (observer != null && hadBytes) observer.reset();
    }

    /**
     * Verifies and publishes the blob.
     *
     * @throws ImageException INVALID_ARGUMENT when the size or digest differs; the bytes are discarded
     */
    public void commit() {
        if (alreadyPresent) return;
        if (expectedSize >= 0 && written != expectedSize) {
            throw new ImageException(Kind.INVALID_ARGUMENT, "blob " + expected + " is truncated: got " + written
                    + " of " + expectedSize + " bytes", "retry the pull; if it persists the source is damaged");
        }
        Digest actual = Digest.of(expected.algorithm(), md);
        if (!actual.equals(expected)) {
            throw new ImageException(Kind.INVALID_ARGUMENT, "digest mismatch for blob " + expected + ": content hashes to "
                    + actual, "the source serves corrupted or tampered content; retry, or report it to its owner");
        }
        try {
            channel.force(false);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } catch (IOException e) {
            throw new ImageException(Kind.INTERNAL, "cannot store blob " + expected + ": " + e,
                    "check free space and permissions", e);
        }
    }

    /** Releases the writer; without a commit the partial bytes are removed. */
    @Override
    public void close() {
        try {
            if (!done && !alreadyPresent) Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // best effort: the ingest area is swept at start-up
        } finally {
            closeQuietly();
            lock.unlock();
        }
    }

    private void closeQuietly() {
        try {
            if (channel != null) channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
