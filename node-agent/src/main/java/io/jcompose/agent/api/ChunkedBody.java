package io.jcompose.agent.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The body of a chunked response as an output stream, for large binary bodies (image archives). At
 * most one 64 KiB chunk is in flight: a write waits until the previous chunk has left.
 */
final class ChunkedBody extends OutputStream {
    private static final int CHUNK = 64 * 1024;

    private final Channel channel;
    private byte[] buffer = new byte[CHUNK];
    private int used;

    ChunkedBody(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        if (used == buffer.length) {
            flush();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == buffer.length) {
                flush();
            }
            int n = Math.min(len, buffer.length - used);
            System.arraycopy(b, off, buffer, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        if (used == 0) {
            return;
        }
        // The buffer is handed to Netty as it is; a new one takes its place.
        ChannelFuture sent = channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(buffer, 0, used)));
        buffer = new byte[CHUNK];
        used = 0;
        sent.awaitUninterruptibly();
        if (!sent.isSuccess()) {
            throw new IOException("the client went away: " + sent.cause());
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
