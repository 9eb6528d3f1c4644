package io.jcompose.agent.attach;

import io.jcompose.agent.api.v1.ExecFrame;
import io.jcompose.agent.exec.ClientInput;
import io.jcompose.agent.exec.ExecSession;
import io.jcompose.agent.syscall.Fifo;
import io.jcompose.agent.syscall.SeqPacketSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * One client attached to a container's main process through its monitor: conmon's {@code attach} socket
 * (SOCK_SEQPACKET in the container's directory) hands every chunk the container writes to each connected
 * client as one packet whose first byte names the stream (2 standard output — all of a terminal's output —, 3
 * standard error), and writes what a client sends, as is, to the container's standard input. conmon's
 * {@code ctl} fifo takes {@code "1 ROWS COLUMNS\n"} to resize the container's terminal.
 *
 * <p>When the container exits its monitor ends and the socket reaches end of file: the container's exit code
 * goes as the last frame. When the client goes, the socket is shut down and the container runs on. A client's
 * end of input shuts the socket's write side, which makes conmon close the container's standard input unless
 * it was started with {@code --leave-stdin-open}.
 *
 * <p>A session may be made before the container starts ({@link AttachPoints} connects it between the runtime's
 * create and start), so nothing the container writes is missed.
 */
public final class AttachSession implements ClientInput {
    /** conmon reads at most this much per packet of input (its buffer, less one byte). */
    static final int STDIN_PACKET = 8192;
    /** conmon's output packets: its stdio buffer (8 KiB) plus the stream byte; with room to spare. */
    private static final int OUTPUT_PACKET = 32 * 1024 + 1;
    private static final int STDIN_QUEUE = 8;
    private static final int MAX_TERMINAL = 1000; // conmon refuses larger sizes
    private static final byte CONMON_STDOUT = 2;
    private static final byte CONMON_STDERR = 3;
    private static final byte[] END = new byte[0];
    private static final byte[] STOP = new byte[0];

    private final String containerId;
    private final Path monitorDir;
    private final boolean stdinEnabled;
    private final boolean tty;
    private final ExecSession.Output output;
    private final Runnable stdinHasRoom;
    private final BlockingQueue<byte[]> stdin = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private volatile SeqPacketSocket socket;
    private volatile boolean clientGone;
    private volatile int rows;
    private volatile int columns;

    /**
     * @param monitorDir   the container's directory, where conmon keeps {@code attach} and {@code ctl}
     * @param stdinEnabled forward the client's input (the container keeps a standard input open)
     * @param tty          the container has a terminal: resizes are passed on
     * @param output       frames to the client; blocks while the client is slow (and so holds the container back)
     * @param stdinHasRoom called when the input queue has room again
     */
    AttachSession(String containerId, Path monitorDir, boolean stdinEnabled, boolean tty, ExecSession.Output output,
                  Runnable stdinHasRoom) {
        this.containerId = containerId;
        this.monitorDir = monitorDir;
        this.stdinEnabled = stdinEnabled;
        this.tty = tty;
        this.output = output;
        this.stdinHasRoom = stdinHasRoom;
    }

    String containerId() {
        return containerId;
    }

    /**
     * Completes once the session is over: with the container's exit code after it was sent, with null when the
     * client left (or the container went away before it ran).
     */
    public CompletableFuture<Integer> done() {
        return done;
    }

    boolean isClientGone() {
        return clientGone;
    }

    /**
     * Connects to the running monitor and starts the pumps; {@code exitCode} is asked for once the monitor has
     * closed the socket (the container ended). Throws IllegalStateException when there is no monitor to reach.
     */
    void connect(Supplier<CompletableFuture<Integer>> exitCode) {
        SeqPacketSocket s = SeqPacketSocket.connect(monitorDir, "attach", OUTPUT_PACKET);
        socket = s;
        if (rows > 0) {
            resize(rows, columns);
        }
        Thread writer = Thread.ofPlatform().daemon().name("attach-" + containerId + "-in").start(() -> feed(s));
        Thread.ofPlatform().daemon().name("attach-" + containerId + "-out").start(() -> pump(s, writer, exitCode));
        if (clientGone) {
            s.shutdown(SeqPacketSocket.SHUT_RDWR);
        }
    }

    /** The container went away before its monitor ran: the client's connection is closed without an exit code. */
    void abandon() {
        done.complete(null);
    }

    @Override
    public boolean offerStdin(byte[] chunk) {
        if (stdinEnabled && chunk.length > 0) {
            stdin.offer(chunk);
        }
        return stdin.size() < STDIN_QUEUE;
    }

    @Override
    public void endStdin() {
        if (stdinEnabled) {
            stdin.offer(END);
        }
    }

    @Override
    public void resize(int newRows, int newColumns) {
        if (!tty || newRows <= 0 || newColumns <= 0) {
            return;
        }
        rows = Math.min(newRows, MAX_TERMINAL);
        columns = Math.min(newColumns, MAX_TERMINAL);
        if (socket != null) {
            Fifo.writeNonBlocking(monitorDir.resolve("ctl"),
                    ("1 " + rows + " " + columns + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Override
    public void clientGone() {
        clientGone = true;
        stdin.clear();
        stdin.offer(STOP);
        SeqPacketSocket s = socket;
        if (s != null) {
            s.shutdown(SeqPacketSocket.SHUT_RDWR); // wakes the pump, which ends the session
        } else {
            done.complete(null);
        }
    }

    private void pump(SeqPacketSocket s, Thread writer, Supplier<CompletableFuture<Integer>> exitCode) {
        byte[] packet = new byte[OUTPUT_PACKET];
        Integer code = null;
        try {
            for (int n = s.receive(packet); n > 0; n = s.receive(packet)) {
                byte type = switch (packet[0]) {
                    case CONMON_STDOUT -> ExecFrame.STDOUT;
                    case CONMON_STDERR -> ExecFrame.STDERR;
                    default -> 0;
                };
                if (type != 0 && n > 1 && !send(type, packet, 1, n - 1)) {
                    break;
                }
            }
            if (!clientGone) {
                // The monitor closed the socket: the container has ended, its exit is being recorded.
                code = exitCode.get().join();
                if (code != null) {
                    send(ExecFrame.EXIT, ExecFrame.exitPayload(code), 0, 4);
                }
            }
        } catch (RuntimeException e) {
            code = null;
        } finally {
            stdin.offer(STOP);
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s.close();
            done.complete(clientGone ? null : code);
        }
    }

    private boolean send(byte type, byte[] b, int off, int len) {
        if (clientGone) {
            return false;
        }
        try {
            output.send(type, b, off, len);
            return true;
        } catch (IOException e) {
            clientGone();
            return false;
        }
    }

    private void feed(SeqPacketSocket s) {
        while (true) {
            byte[] chunk;
            try {
                chunk = stdin.take();
            } catch (InterruptedException e) {
                return;
            }
            if (stdin.size() < STDIN_QUEUE / 2) {
                stdinHasRoom.run();
            }
            if (chunk == STOP) {
                return;
            }
            if (chunk == END) {
                s.shutdown(SeqPacketSocket.SHUT_WR);
                drainUntilStop();
                return;
            }
            for (int off = 0; off < chunk.length; off += STDIN_PACKET) {
                if (!s.send(chunk, off, Math.min(STDIN_PACKET, chunk.length - off))) {
                    drainUntilStop();
                    return;
                }
            }
        }
    }

    /** Input after its end, or after the container stopped taking it, is dropped; the connection keeps being read. */
    private void drainUntilStop() {
        try {
            for (byte[] chunk = stdin.take(); chunk != STOP; chunk = stdin.take()) {
                if (stdin.size() < STDIN_QUEUE / 2) {
                    stdinHasRoom.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
