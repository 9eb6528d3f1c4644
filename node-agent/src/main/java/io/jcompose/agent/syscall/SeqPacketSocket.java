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
import java.nio.file.Path;

/**
 * A connected {@code AF_UNIX}/{@code SOCK_SEQPACKET} socket through FFM: the JDK's unix channels only do
 * stream sockets, and conmon's attach socket keeps message boundaries (one packet per read of the container's
 * output, its first byte saying which stream). Calls block in native code: use platform threads.
 *
 * <p>{@link #shutdown} wakes a thread blocked in {@link #receive} (a bare close would not); {@link #close}
 * then releases the descriptor.
 */
public final class SeqPacketSocket implements AutoCloseable {
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final int AF_UNIX = 1;
    private static final int SOCK_SEQPACKET = 5;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int O_PATH = 0x200000;
    private static final int O_CLOEXEC = 0x80000;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int SUN_PATH = 108;
    private static final int EINTR = 4;
    public static final int SHUT_WR = 1;
    public static final int SHUT_RDWR = 2;

    private static final MethodHandle SOCKET = Libc.handle("socket",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle CONNECT = Libc.handle("connect",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT), ERRNO);
    private static final MethodHandle OPEN = Libc.handle("open",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle RECV = Libc.handle("recv", FunctionDescriptor.of(ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT), ERRNO);
    private static final MethodHandle SEND = Libc.handle("send", FunctionDescriptor.of(ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT), ERRNO);
    private static final MethodHandle SHUTDOWN = Libc.handle("shutdown",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private final int fd;
    // Freed by the collector: a thread may still be inside a call when the socket is closed.
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment readBuffer;
    private final MemorySegment readState;
    private final MemorySegment writeBuffer;
    private final MemorySegment writeState;
    private volatile boolean closed;

    private SeqPacketSocket(int fd, int bufferSize) {
        this.fd = fd;
        this.readBuffer = arena.allocate(bufferSize);
        this.readState = arena.allocate(CALL_STATE);
        this.writeBuffer = arena.allocate(bufferSize);
        this.writeState = arena.allocate(CALL_STATE);
    }

    /**
     * Connects to the socket {@code name} in {@code dir}. The address goes through {@code /proc/self/fd} of the
     * opened directory, so a directory path longer than a socket address allows is no obstacle.
     *
     * @param bufferSize the largest packet {@link #receive} returns whole and {@link #send} sends
     * @throws IllegalStateException with the reason when the socket is not there or refuses
     */
    public static SeqPacketSocket connect(Path dir, String name, int bufferSize) {
        try (Arena a = Arena.ofConfined()) {
            int dirFd = (int) OPEN.invokeExact(a.allocateFrom(dir.toString()), O_PATH | O_CLOEXEC);
            if (dirFd < 0) {
                throw new IllegalStateException("cannot open " + dir);
            }
            try {
                int fd = (int) SOCKET.invokeExact(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
                if (fd < 0) {
                    throw new IllegalStateException("socket(AF_UNIX, SOCK_SEQPACKET) failed");
                }
                byte[] path = ("/proc/self/fd/" + dirFd + "/" + name).getBytes(StandardCharsets.UTF_8);
                MemorySegment address = a.allocate(2 + SUN_PATH);
                address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
                MemorySegment.copy(path, 0, address, ValueLayout.JAVA_BYTE, 2, path.length);
                MemorySegment state = a.allocate(CALL_STATE);
                int rc;
                do {
                    rc = (int) CONNECT.invokeExact(state, fd, address, 2 + path.length + 1);
                } while (rc < 0 && (int) ERRNO_HANDLE.get(state, 0L) == EINTR);
                if (rc < 0) {
                    int errno = (int) ERRNO_HANDLE.get(state, 0L);
                    Libc.closeQuietly(fd);
                    throw new IllegalStateException("cannot connect to " + dir.resolve(name) + " (errno " + errno + ")");
                }
                return new SeqPacketSocket(fd, bufferSize);
            } finally {
                Libc.closeQuietly(dirFd);
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("connect failed", t);
        }
    }

    /** One packet into {@code into} (cut to its length); 0 when the peer closed or the socket was shut down. */
    public int receive(byte[] into) {
        while (!closed) {
            long n;
            try {
                n = (long) RECV.invokeExact(readState, fd, readBuffer, (long) Math.min(into.length, readBuffer.byteSize()), 0);
            } catch (Throwable t) {
                throw new IllegalStateException("recv failed", t);
            }
            if (n >= 0) {
                MemorySegment.copy(readBuffer, ValueLayout.JAVA_BYTE, 0, into, 0, (int) n);
                return (int) n;
            }
            if ((int) ERRNO_HANDLE.get(readState, 0L) != EINTR) {
                return 0;
            }
        }
        return 0;
    }

    /** Sends {@code b[off, off+len)} as one packet (at most the buffer size); false once the peer is gone. */
    public boolean send(byte[] b, int off, int len) {
        if (len > writeBuffer.byteSize()) {
            throw new IllegalArgumentException("a packet of " + len + " bytes is larger than " + writeBuffer.byteSize());
        }
        MemorySegment.copy(b, off, writeBuffer, ValueLayout.JAVA_BYTE, 0, len);
        while (!closed) {
            long n;
            try {
                n = (long) SEND.invokeExact(writeState, fd, writeBuffer, (long) len, MSG_NOSIGNAL);
            } catch (Throwable t) {
                throw new IllegalStateException("send failed", t);
            }
            if (n >= 0) {
                return true;
            }
            if ((int) ERRNO_HANDLE.get(writeState, 0L) != EINTR) {
                return false;
            }
        }
        return false;
    }

    /** {@link #SHUT_WR}: the peer reads end of file; {@link #SHUT_RDWR}: also wakes a blocked receive. */
    public void shutdown(int how) {
        if (closed) {
            return;
        }
        try {
            int ignored = (int) SHUTDOWN.invokeExact(fd, how);
        } catch (Throwable t) {
            // The socket is going away anyway.
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Libc.closeQuietly(fd);
    }


}
