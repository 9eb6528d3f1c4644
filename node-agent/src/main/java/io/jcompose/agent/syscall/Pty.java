package io.jcompose.agent.syscall;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;

/**
 * A pseudo-terminal pair held by the agent: the master end as a file descriptor read and written through
 * FFM, the slave by its path ({@code /dev/pts/N}) for a child process to open as its standard streams.
 * Reads and writes block in native code, so they belong on platform threads, never on an event loop or a
 * virtual thread (a native call pins the carrier).
 */
public final class Pty implements AutoCloseable {
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final int O_RDWR = 2;
    private static final int O_NOCTTY = 0x100;
    private static final long TIOCSWINSZ = 0x5414;
    private static final long TIOCGWINSZ = 0x5413;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;

    private static final MethodHandle POSIX_OPENPT = Libc.handle("posix_openpt",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle GRANTPT = Libc.handle("grantpt",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle UNLOCKPT = Libc.handle("unlockpt",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle PTSNAME_R = Libc.handle("ptsname_r", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle IOCTL = Libc.handle("ioctl",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle READ = Libc.handle("read",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
            ERRNO);
    private static final MethodHandle WRITE = Libc.handle("write",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
            ERRNO);

    private final int master;
    private final String slavePath;
    // Freed by the collector: a thread may still be inside a read when the pair is closed.
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment readBuffer;
    private final MemorySegment readState;
    private final MemorySegment writeBuffer;
    private final MemorySegment writeState;
    private volatile boolean closed;

    private Pty(int master, String slavePath, int bufferSize) {
        this.master = master;
        this.slavePath = slavePath;
        this.readBuffer = arena.allocate(bufferSize);
        this.readState = arena.allocate(CALL_STATE);
        this.writeBuffer = arena.allocate(bufferSize);
        this.writeState = arena.allocate(CALL_STATE);
    }

    /** Opens a new pair; reads return at most {@code bufferSize} bytes. */
    public static Pty open(int bufferSize) {
        try {
            int fd = (int) POSIX_OPENPT.invokeExact(O_RDWR | O_NOCTTY);
            if (fd < 0) {
                throw new IllegalStateException("posix_openpt failed: no pseudo-terminal available");
            }
            try (Arena a = Arena.ofConfined()) {
                MemorySegment name = a.allocate(128);
                if ((int) GRANTPT.invokeExact(fd) != 0 || (int) UNLOCKPT.invokeExact(fd) != 0
                        || (int) PTSNAME_R.invokeExact(fd, name, 128L) != 0) {
                    Libc.closeQuietly(fd);
                    throw new IllegalStateException("cannot unlock the pseudo-terminal's slave end");
                }
                return new Pty(fd, name.getString(0, StandardCharsets.US_ASCII), bufferSize);
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("posix_openpt failed", t);
        }
    }

    public String slavePath() {
        return slavePath;
    }

    /** Sets the terminal's size; the kernel signals SIGWINCH to the slave's foreground process group. */
    public void resize(int rows, int columns) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment size = a.allocate(8);
            size.set(ValueLayout.JAVA_SHORT, 0, (short) rows);
            size.set(ValueLayout.JAVA_SHORT, 2, (short) columns);
            int ignored = (int) IOCTL.invokeExact(master, TIOCSWINSZ, size);
        } catch (Throwable t) {
            throw new IllegalStateException("TIOCSWINSZ failed", t);
        }
    }

    /** {rows, columns} as the terminal holds them. */
    public int[] size() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment size = a.allocate(8);
            int ignored = (int) IOCTL.invokeExact(master, TIOCGWINSZ, size);
            return new int[] {size.get(ValueLayout.JAVA_SHORT, 0), size.get(ValueLayout.JAVA_SHORT, 2)};
        } catch (Throwable t) {
            throw new IllegalStateException("TIOCGWINSZ failed", t);
        }
    }

    /**
     * Reads what the slave side wrote into {@code into}; -1 once every slave descriptor is closed (the
     * kernel answers EIO) or this pair is closed. One reader thread at a time.
     */
    public int read(byte[] into) {
        while (!closed) {
            long n;
            try {
                n = (long) READ.invokeExact(readState, master, readBuffer, (long) Math.min(into.length, readBuffer.byteSize()));
            } catch (Throwable t) {
                throw new IllegalStateException("read failed", t);
            }
            if (n > 0) {
                MemorySegment.copy(readBuffer, ValueLayout.JAVA_BYTE, 0, into, 0, (int) n);
                return (int) n;
            }
            int errno = n < 0 ? (int) ERRNO_HANDLE.get(readState, 0L) : 0;
            if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                return -1;
            }
        }
        return -1;
    }

    /** Writes all of {@code b[off, off+len)} as input to the slave side; false once that is impossible. One writer thread at a time. */
    public boolean write(byte[] b, int off, int len) {
        while (len > 0 && !closed) {
            int chunk = (int) Math.min(len, writeBuffer.byteSize());
            MemorySegment.copy(b, off, writeBuffer, ValueLayout.JAVA_BYTE, 0, chunk);
            int sent = 0;
            while (sent < chunk) {
                long n;
                try {
                    n = (long) WRITE.invokeExact(writeState, master, writeBuffer.asSlice(sent), (long) (chunk - sent));
                } catch (Throwable t) {
                    throw new IllegalStateException("write failed", t);
                }
                if (n < 0) {
                    int errno = (int) ERRNO_HANDLE.get(writeState, 0L);
                    if (errno == EINTR || errno == EAGAIN) {
                        continue;
                    }
                    return false;
                }
                sent += (int) n;
            }
            off += chunk;
            len -= chunk;
        }
        return !closed;
    }

    /** Closes the master end (the slave side sees a hang-up); later reads and writes return at once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Libc.closeQuietly(master);
    }

}
