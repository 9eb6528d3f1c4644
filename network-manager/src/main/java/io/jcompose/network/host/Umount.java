package io.jcompose.network.host;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;

/**
 * {@code umount2(2)} through FFM: a namespace file is unmounted at every container's teardown, and starting the
 * {@code umount} program for it cost a process start (several milliseconds, more on a busy host) each time.
 */
public final class Umount {
    private static final int EINVAL = 22;
    private static final int ENOENT = 2;
    private static volatile Handles handles;

    private record Handles(MethodHandle umount2, StructLayout state, VarHandle errno) {
    }

    private Umount() {
    }

    /**
     * Unmounts {@code file}; false when it is not a mount point (or is gone), so the caller may go on as after a
     * successful unmount. Throws with the errno for any other failure.
     */
    public static boolean unmount(Path file) {
        Handles h = handles();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callState = arena.allocate(h.state());
            int rc = (int) h.umount2().invokeExact(callState, arena.allocateFrom(file.toString()), 0);
            if (rc == 0) return true;
            int errno = (int) h.errno().get(callState, 0L);
            if (errno == EINVAL || errno == ENOENT) return false;
            throw new IllegalStateException("umount2(" + file + ") failed: errno " + errno);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("umount2(" + file + ") failed", t);
        }
    }

    @SuppressWarnings("restricted")
    private static Handles handles() {
        Handles h = handles;
        if (h != null) return h;
        Linker linker = Linker.nativeLinker();
        StructLayout state = Linker.Option.captureStateLayout();
        VarHandle errno = state.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
        MethodHandle umount2 = linker.downcallHandle(linker.defaultLookup().find("umount2").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                Linker.Option.captureCallState("errno"));
        h = new Handles(umount2, state, errno);
        handles = h;
        return h;
    }
}
