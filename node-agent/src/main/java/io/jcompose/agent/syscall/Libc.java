package io.jcompose.agent.syscall;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The few C library calls the agent needs and the JDK lacks, through FFM (no JNI, no jnr). Handles
 * are looked up once, on first use of this class, which only the daemon loads.
 */
public final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final MethodHandle GETEUID = handle("geteuid", FunctionDescriptor.of(ValueLayout.JAVA_INT));
    private static final MethodHandle KILL = handle("kill",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private static final MethodHandle MKFIFO = handle("mkfifo",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));

    private Libc() {
    }

    /** The effective user id of this process. */
    public static int geteuid() {
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("geteuid failed", t);
        }
    }

    /**
     * Sends {@code signal} to {@code pid}; signal 0 only checks that the process exists.
     *
     * @return true when the call succeeded
     */
    public static boolean kill(int pid, int signal) {
        if (pid <= 0) {
            throw new IllegalArgumentException("refusing to signal pid " + pid + " (a process group or every process)");
        }
        try {
            return (int) KILL.invokeExact(pid, signal) == 0;
        } catch (Throwable t) {
            throw new IllegalStateException("kill failed", t);
        }
    }

    /** Creates a named pipe; false when it failed (typically because the path exists). */
    public static boolean mkfifo(java.nio.file.Path path, int mode) {
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            return (int) MKFIFO.invokeExact(arena.allocateFrom(path.toString()), mode) == 0;
        } catch (Throwable t) {
            throw new IllegalStateException("mkfifo failed", t);
        }
    }

    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    /** Closes {@code fd}, ignoring errors: for descriptors that are going away whatever close says. */
    static void closeQuietly(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            // Nothing else to release.
        }
    }

    /** A downcall handle for the C library's {@code name}, e.g. with {@code captureCallState("errno")}. */
    static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LIBC.find(name).orElseThrow(() -> new IllegalStateException("no " + name + " in libc"));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }
}
