package io.jcompose.image.pull;

import io.jcompose.image.blob.BlobWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands a layer's bytes from its download to its unpacking while both run, so a pull takes about as
 * long as the slower of the two instead of their sum. Bounded (a few MiB in flight), so the heap stays
 * small whatever the layer size. If the download has to start over, or the unpacking stops early, the
 * pipe breaks or is abandoned and the caller falls back to unpacking the stored blob.
 */
final class LayerPipe implements BlobWriter.Observer {
    private static final int CHUNKS = 32;
    private static final byte[] END = new byte[0];
    private static final byte[] BROKEN = new byte[0];

    /** The download could not be followed (it restarted from byte 0, or failed). */
    static final class BrokenException extends IOException {
        BrokenException() {
            super("the download restarted; the layer will be unpacked from the stored blob");
        }
    }

    private final ArrayBlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean abandoned;
    private boolean broken;

    @Override
    public void write(byte[] b, int off, int len) {
        if (broken || abandoned) return;
        put(Arrays.copyOfRange(b, off, off + len));
    }

    @Override
    public void reset() {
        if (broken) return;
        broken = true;
        put(BROKEN);
    }

    /** The download ended; {@code complete} false when it failed. */
    void finish(boolean complete) {
        if (broken) return;
        if (!complete) broken = true;
        put(complete ? END : BROKEN);
    }

    /** The reader gives up (done early, failed, or found the layer present): writes become no-ops. */
    void abandon() {
        abandoned = true;
        queue.clear();
    }

    private void put(byte[] chunk) {
        try {
            while (!abandoned && !queue.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                // the reader is behind; wait, unless it has gone
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned = true;
        }
    }

    InputStream input() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int position;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (position == current.length) {
                    if (ended) return -1;
                    byte[] next;
                    try {
                        next = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while unpacking");
                    }
                    if (next == BROKEN) throw new BrokenException();
                    if (next == END) {
                        ended = true;
                        return -1;
                    }
                    current = next;
                    position = 0;
                }
                int n = Math.min(len, current.length - position);
                System.arraycopy(current, position, b, off, n);
                position += n;
                return n;
            }
        };
    }
}
