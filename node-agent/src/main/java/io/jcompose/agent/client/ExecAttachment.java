package io.jcompose.agent.client;

import io.jcompose.agent.api.v1.ExecFrame;
import io.jcompose.agent.error.AgentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * A running exec attached to this process: write its standard input to {@link #stdin()} and end it with
 * {@link #closeStdin()}; its output goes, as it comes, to the streams given to
 * {@link AgentClient#execAttached}; {@link #exitCode()} completes once the process has ended and all of its
 * output has been handed over. Closing detaches (the process is not stopped, its input ends).
 *
 * <p>Example: {@code try (var e = client.execAttached(id, request, System.out, System.err)) { e.closeStdin();
 * return e.exitCode().join(); }}
 */
public final class ExecAttachment implements AutoCloseable {
    private final SocketChannel channel;
    private final OutputStream toAgent;
    private final OutputStream stdin = new StdinFrames();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    ExecAttachment(SocketChannel channel, InputStream frames, OutputStream stdout, OutputStream stderr) {
        this.channel = channel;
        this.toAgent = Channels.newOutputStream(channel);
        // A platform thread: a virtual one doing socket I/O starts the JDK's poller, ~70 classes a command loads cold.
        Thread.ofPlatform().daemon().name("exec-output").start(() -> demultiplex(frames, stdout, stderr));
    }

    /** The process's standard input; writes block while the process does not keep up. */
    public OutputStream stdin() {
        return stdin;
    }

    /** End of input: the process reads end of file (with a TTY, input just stops). Later input is an error. */
    public void closeStdin() {
        try {
            send(ExecFrame.STDIN, new byte[0], 0, 0);
        } catch (IOException e) {
            // The connection is gone: the exit code will say so.
        }
    }

    /** Sets the size of the exec's terminal; nothing when it has none. */
    public void resize(int rows, int columns) {
        try {
            send(ExecFrame.RESIZE, ExecFrame.resizePayload(rows, columns), 0, 4);
        } catch (IOException e) {
            // The connection is gone: the exit code will say so.
        }
    }

    /** Whole frames, one at a time: input and resizes come from different threads. */
    private synchronized void send(byte type, byte[] b, int off, int len) throws IOException {
        toAgent.write(ExecFrame.frame(type, b, off, len));
    }

    /** Standard input cut into frames of at most {@link ExecFrame#MAX_PAYLOAD} bytes. */
    private final class StdinFrames extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, ExecFrame.MAX_PAYLOAD);
                send(ExecFrame.STDIN, b, off, n);
                off += n;
                len -= n;
            }
        }
    }

    /** The exit code; fails with UNAVAILABLE when the connection ended without one. */
    public CompletableFuture<Integer> exitCode() {
        return exit;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing is all there is.
        }
    }

    private void demultiplex(InputStream in, OutputStream stdout, OutputStream stderr) {
        byte[] header = new byte[ExecFrame.HEADER];
        byte[] payload = new byte[ExecFrame.MAX_PAYLOAD];
        try (in) {
            while (in.readNBytes(header, 0, header.length) == header.length) {
                int length = ExecFrame.length(header);
                byte[] into = length <= payload.length ? payload : new byte[length];
                if (in.readNBytes(into, 0, length) != length) {
                    break;
                }
                switch (header[0]) {
                    case ExecFrame.STDOUT -> write(stdout, into, length);
                    case ExecFrame.STDERR -> write(stderr, into, length);
                    case ExecFrame.EXIT -> {
                        exit.complete(ExecFrame.exitCode(into));
                        return;
                    }
                    default -> {
                        // A kind of frame this client does not know: skipped, as the format allows.
                    }
                }
            }
        } catch (IOException e) {
            // Reported below as a stream without an exit code.
        } finally {
            exit.completeExceptionally(AgentException.unavailable(
                    "the connection to the agent ended before the exit code came",
                    "look at the agent's log; the process may still be running"));
        }
    }

    private static void write(OutputStream out, byte[] b, int length) throws IOException {
        out.write(b, 0, length);
        out.flush();
    }
}
