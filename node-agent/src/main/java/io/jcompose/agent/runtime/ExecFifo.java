package io.jcompose.agent.runtime;

import io.jcompose.agent.error.AgentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code runc start} does, without the cost of starting runc (a Go program: ~8 ms of a start that is
 * otherwise ~3 ms). A container runc created has its init blocked opening {@code exec.fifo} in the container's
 * state directory for writing; once a reader opens it, the init writes one byte and executes the container's
 * process. The reader then removes the fifo, which is how runc tells a running container from a created one
 * ({@code runc state} says "running" from then on). As runc does, a dead init is noticed while waiting: its
 * pid is checked every 100 ms, and a read that ends without the byte means the process is gone.
 */
final class ExecFifo {
    static final String NAME = "exec.fifo";
    private static final long CHECK_MILLIS = 100;

    private ExecFifo() {
    }

    /** Releases the init of the created container whose fifo is {@code fifo} and whose init is {@code pid}. */
    static void release(Path fifo, int pid, String container) {
        CompletableFuture<byte[]> read = new CompletableFuture<>();
        Thread.ofVirtual().name("exec-fifo-" + container).start(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                read.complete(in.readAllBytes());
            } catch (IOException | RuntimeException e) {
                read.completeExceptionally(e);
            }
        });
        byte[] data = await(read, fifo, pid, container);
        if (data.length == 0) {
            throw AgentException.precondition("cannot start container " + container + ": its process is already dead",
                    "see its logs; start it again");
        }
        try {
            Files.deleteIfExists(fifo);
        } catch (IOException e) {
            throw AgentException.internal("cannot remove " + fifo + " after starting " + container, e);
        }
    }

    private static byte[] await(CompletableFuture<byte[]> read, Path fifo, int pid, String container) {
        boolean unblocked = false;
        while (true) {
            try {
                return read.get(CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!unblocked && !alive(pid)) {
                    // Nobody will open the other end: do it, so that the read ends without the init's byte.
                    try (FileChannel ignored = FileChannel.open(fifo, StandardOpenOption.WRITE)) {
                        unblocked = true;
                    } catch (IOException io) {
                        throw AgentException.internal("cannot start container " + container + ": " + io.getMessage(), io);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AgentException.internal("interrupted while starting container " + container, e);
            } catch (ExecutionException e) {
                throw AgentException.internal("cannot start container " + container + ": cannot read " + fifo + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /** Whether {@code pid} is a process that is not a zombie. */
    private static boolean alive(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }
}
