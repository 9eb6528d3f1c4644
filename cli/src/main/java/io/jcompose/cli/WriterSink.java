package io.jcompose.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A process's output bytes onto one of the command's writers, decoded as UTF-8 as they come: a character cut in
 * two between chunks waits for its second half; each chunk is flushed, so output shows as it is written.
 */
final class WriterSink extends OutputStream {
    private final PrintWriter to;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    WriterSink(PrintWriter to) {
        this.to = to;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + len);
        in.put(pending).put(b, off, len).flip();
        while (true) {
            var result = decoder.decode(in, chars, false);
            chars.flip();
            to.append(chars);
            chars.clear();
            if (!result.isOverflow()) {
                break;
            }
        }
        pending = in.slice();
        to.flush();
    }
}
