package io.jcompose.agent.syscall;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * Writes to a named pipe without ever blocking on its reader: opened with {@code O_NONBLOCK}, so a pipe
 * nobody reads (its monitor has exited) fails at once instead of hanging the caller, as a JDK open would.
 */
public final class Fifo {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final int O_WRONLY = 1;
    private static final int O_NONBLOCK = 0x800;
    private static final int O_CLOEXEC = 0x80000;
    private static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().find("open").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle WRITE = LINKER.downcallHandle(LINKER.defaultLookup().find("write").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().find("close").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private Fifo() {
    }

    /**
     * Writes {@code message} in one write (a pipe keeps writes up to PIPE_BUF whole); false when the pipe is
     * missing, has no reader, or is full.
     */
    public static boolean writeNonBlocking(Path fifo, byte[] message) {
        try (Arena a = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(a.allocateFrom(fifo.toString()), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
            if (fd < 0) {
                return false;
            }
            try {
                MemorySegment buffer = a.allocate(message.length);
                MemorySegment.copy(message, 0, buffer, ValueLayout.JAVA_BYTE, 0, message.length);
                return (long) WRITE.invokeExact(fd, buffer, (long) message.length) == message.length;
            } finally {
                int ignored = (int) CLOSE.invokeExact(fd);
            }
        } catch (Throwable t) {
            throw new IllegalStateException("writing " + fifo + " failed", t);
        }
    }
}
