package io.jcompose.agent.syscall;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.time.Duration;

/**
 * A process descriptor ({@code pidfd_open(2)}, Linux 5.3+): it becomes readable the moment the process ends
 * (before its parent reaps it), so the agent learns of a container's end without waiting for its monitor to reap
 * the process and write the exit file. A descriptor opened on a pid that was reused names another process; callers
 * only ever take its readiness as "the process we meant is gone", which then holds too (the pid was free again).
 */
public final class Pidfd implements AutoCloseable {
    private static final long SYS_PIDFD_OPEN = 434; // x86-64 and every architecture since the unified table
    private static final short POLLIN = 1;
    private static final MethodHandle SYSCALL = Libc.handle("syscall",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(1));
    private static final MethodHandle POLL = Libc.handle("poll",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));

    private final int fd;

    private Pidfd(int fd) {
        this.fd = fd;
    }

    /** A descriptor of {@code pid}, or null when there is none (the process is gone, or the kernel is too old). */
    public static Pidfd open(int pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            long fd = (long) SYSCALL.invokeExact(SYS_PIDFD_OPEN, pid, 0);
            return fd < 0 ? null : new Pidfd((int) fd);
        } catch (Throwable t) {
            return null;
        }
    }

    /** Blocks until the process ends or {@code limit} passes; true when it ended. */
    public boolean awaitExit(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment pollfd = a.allocate(8, 4); // struct pollfd { int fd; short events; short revents; }
            while (true) {
                long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                pollfd.set(ValueLayout.JAVA_INT, 0, fd);
                pollfd.set(ValueLayout.JAVA_SHORT, 4, POLLIN);
                pollfd.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
                int n = (int) POLL.invokeExact(pollfd, 1L, (int) Math.min(left, Integer.MAX_VALUE));
                if (n > 0) {
                    return (pollfd.get(ValueLayout.JAVA_SHORT, 6) & POLLIN) != 0; // not POLLERR/POLLNVAL
                }
                if (n == 0 || left == 0) {
                    return false; // timed out (a failed poll is retried until the deadline: EINTR)
                }
            }
        } catch (Throwable t) {
            return false;
        }
    }

    @Override
    public void close() {
        Libc.closeQuietly(fd);
    }
}
