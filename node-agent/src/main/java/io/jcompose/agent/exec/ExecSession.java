package io.jcompose.agent.exec;

import io.jcompose.agent.api.v1.ExecFrame;
import io.jcompose.agent.container.Execs;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.syscall.Libc;
import io.jcompose.agent.syscall.Pty;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * One exec process with its standard streams attached to a client: the runtime's {@code exec} runs with
 * pipes (output framed as stdout and stderr), or on a pseudo-terminal of the agent's own (a TTY exec: the
 * runtime sees a terminal, gives the process one inside the container and copies between the two), or
 * detached with its output discarded.
 *
 * <p>Lifecycle: {@link #start} runs the process and its pumps; the client's input arrives through
 * {@link #offerStdin} and {@link #endStdin}; each chunk of output goes to the {@link Output} (which blocks
 * while the client is slow, so a slow client holds the process back, never the heap); once the process has
 * ended and its output is out, the exit code goes as the last frame and {@link #exit()} completes.
 */
public final class ExecSession implements ClientInput {
    /** Where output goes; {@code send} returns once the frame is on its way, and throws once the client is gone. */
    @FunctionalInterface
    public interface Output {
        void send(byte type, byte[] b, int off, int len) throws IOException;
    }

    /** Input chunks waiting for the process; when the queue is full the connection stops reading. */
    private static final int STDIN_QUEUE = 8;
    private static final byte[] END = new byte[0];
    private static final int SIGWINCH = 28;

    private final String id;
    private final Execs.Prepared prepared;
    private final Output output;
    private final Runnable stdinHasRoom;
    // Bounded by the caller, which stops reading once offerStdin says the queue is full: it is filled from an
    // event loop, which must never block.
    private final BlockingQueue<byte[]> stdin = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Pty pty;
    private volatile boolean clientGone;
    private Process process;

    private ExecSession(String id, Execs.Prepared prepared, Pty pty, Output output, Runnable stdinHasRoom) {
        this.id = id;
        this.prepared = prepared;
        this.pty = pty;
        this.output = output;
        this.stdinHasRoom = stdinHasRoom;
    }

    /**
     * Starts the runtime's exec of {@code prepared} (which this session closes when done).
     *
     * @param tty          give the process a terminal, {@code rows} × {@code columns} (0: the kernel's default)
     * @param detach       the runtime returns once the process runs; output discarded, no input
     * @param stdinHasRoom called (from the input thread) when the input queue has room again
     */
    public static ExecSession start(String id, Execs.Prepared prepared, boolean tty, boolean detach, int rows,
                                    int columns, Output output, Runnable stdinHasRoom) {
        Pty pty = tty && !detach ? Pty.open(ExecFrame.MAX_PAYLOAD) : null;
        ExecSession session = new ExecSession(id, prepared, pty, output, stdinHasRoom);
        try {
            session.launch(detach, rows, columns);
        } catch (IOException | RuntimeException e) {
            prepared.close();
            if (pty != null) {
                pty.close();
            }
            throw AgentException.unavailable("cannot run the runtime's exec: " + e.getMessage(), null);
        }
        return session;
    }

    private void launch(boolean detach, int rows, int columns) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(prepared.argv());
        if (detach) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        } else if (pty != null) {
            if (rows > 0 && columns > 0) {
                pty.resize(rows, columns);
            }
            File slave = new File(pty.slavePath());
            pb.redirectInput(ProcessBuilder.Redirect.from(slave)).redirectOutput(ProcessBuilder.Redirect.appendTo(slave))
                    .redirectError(ProcessBuilder.Redirect.appendTo(slave));
        }
        process = pb.start();
        Thread outPump;
        Thread errPump = null;
        if (detach) {
            outPump = null;
        } else if (pty != null) {
            // Native reads block their thread: platform threads, not virtual ones.
            outPump = Thread.ofPlatform().daemon().name("exec-" + id + "-tty").start(this::pumpTerminal);
            Thread.ofPlatform().daemon().name("exec-" + id + "-in").start(this::feedTerminal);
        } else {
            outPump = Thread.ofVirtual().start(() -> pump(process.getInputStream(), ExecFrame.STDOUT));
            errPump = Thread.ofVirtual().start(() -> pump(process.getErrorStream(), ExecFrame.STDERR));
            Thread.ofVirtual().start(this::feedPipe);
        }
        Thread pumpOut = outPump;
        Thread pumpErr = errPump;
        Thread.ofVirtual().start(() -> finish(pumpOut, pumpErr));
    }

    public String id() {
        return id;
    }

    /** Completes with the exit code once the last frame has been sent (or the client has gone). */
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    /** Queues input for the process; false when the queue is now full and the caller should stop reading. */
    @Override
    public boolean offerStdin(byte[] chunk) {
        if (chunk.length > 0) {
            stdin.offer(chunk);
        }
        return stdin.size() < STDIN_QUEUE;
    }

    /** End of input: the process's standard input is closed once what is queued has been written. */
    @Override
    public void endStdin() {
        stdin.offer(END);
    }

    /** The client went away: input ends, and output is drained and dropped so the process is not held up. */
    @Override
    public void clientGone() {
        clientGone = true;
        stdin.clear();
        stdin.offer(END);
    }

    /** Sets the terminal's size; nothing without a terminal. */
    @Override
    public void resize(int rows, int columns) {
        if (pty == null || rows <= 0 || columns <= 0) {
            return;
        }
        pty.resize(rows, columns);
        // The runtime is not in the terminal's session, so the kernel's SIGWINCH misses it: tell it, and it
        // copies the size to the container's terminal.
        Process p = process;
        if (p != null && p.isAlive()) {
            Libc.kill((int) p.pid(), SIGWINCH);
        }
    }

    private void pump(InputStream in, byte type) {
        byte[] buffer = new byte[ExecFrame.MAX_PAYLOAD];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                send(type, buffer, n);
            }
        } catch (IOException e) {
            // The pipe broke: the process is gone.
        }
    }

    private void pumpTerminal() {
        byte[] buffer = new byte[ExecFrame.MAX_PAYLOAD];
        for (int n = pty.read(buffer); n >= 0; n = pty.read(buffer)) {
            send(ExecFrame.STDOUT, buffer, n);
        }
    }

    private void send(byte type, byte[] buffer, int n) {
        if (n == 0 || clientGone) {
            return;
        }
        try {
            output.send(type, buffer, 0, n);
        } catch (IOException e) {
            clientGone();
        }
    }

    private void feedPipe() {
        try (OutputStream in = process.getOutputStream()) {
            for (byte[] chunk = takeStdin(); chunk != END; chunk = takeStdin()) {
                in.write(chunk);
                in.flush();
            }
        } catch (IOException e) {
            // The process closed its input or ended: what is left is dropped.
            drainStdin();
        }
    }

    private void feedTerminal() {
        // A terminal has no end of input short of a hang-up, which would end the session: input just stops.
        for (byte[] chunk = takeStdin(); chunk != END; chunk = takeStdin()) {
            if (!pty.write(chunk, 0, chunk.length)) {
                drainStdin();
                return;
            }
        }
    }

    private byte[] takeStdin() {
        try {
            byte[] chunk = stdin.take();
            if (stdin.size() < STDIN_QUEUE / 2) {
                stdinHasRoom.run();
            }
            return chunk;
        } catch (InterruptedException e) {
            return END;
        }
    }

    /** Keeps the connection reading after the process stopped taking input, so that the end can be seen. */
    private void drainStdin() {
        Thread.ofVirtual().start(() -> {
            while (takeStdin() != END) {
                // dropped
            }
        });
    }

    private void finish(Thread outPump, Thread errPump) {
        int code;
        try {
            code = process.waitFor();
            if (outPump != null) {
                outPump.join();
            }
            if (errPump != null) {
                errPump.join();
            }
        } catch (InterruptedException e) {
            code = -1;
        } finally {
            prepared.close();
            if (pty != null) {
                pty.close();
            }
            stdin.offer(END);
        }
        send(ExecFrame.EXIT, ExecFrame.exitPayload(code), 4);
        exit.complete(code);
    }
}
