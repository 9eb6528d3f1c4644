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
 * {@code setns(2)} for the calling thread through FFM. Only {@link JoinedNamespace} uses it; the
 * product path (the agent's own namespace) never loads it.
 */
final class Setns {

    private static final int O_RDONLY_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;

    private Setns() {
    }

    @SuppressWarnings("restricted")
    static void joinNetworkNamespace(Path file) {
        Linker linker = Linker.nativeLinker();
        var libc = linker.defaultLookup();
        StructLayout state = Linker.Option.captureStateLayout();
        VarHandle errno = state.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
        Linker.Option capture = Linker.Option.captureCallState("errno");
        MethodHandle open = linker.downcallHandle(libc.find("open").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT), capture);
        MethodHandle setns = linker.downcallHandle(libc.find("setns").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), capture);
        MethodHandle close = linker.downcallHandle(libc.find("close").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callState = arena.allocate(state);
            int fd = (int) open.invokeExact(callState, arena.allocateFrom(file.toString()), O_RDONLY_CLOEXEC);
            if (fd < 0) {
                throw new IllegalStateException("failed to open " + file + ": errno " + (int) errno.get(callState, 0L));
            }
            try {
                int rc = (int) setns.invokeExact(callState, fd, CLONE_NEWNET);
                if (rc != 0) {
                    throw new IllegalStateException("failed to join network namespace " + file + ": errno "
                            + (int) errno.get(callState, 0L));
                }
            } finally {
                int ignored = (int) close.invokeExact(fd);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("failed to join network namespace " + file, t);
        }
    }
}
