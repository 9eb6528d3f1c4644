package io.jcompose.cli;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Ends the process at once with {@code _exit(2)}. {@code Runtime.halt} first brings the VM to a final safepoint
 * and waits up to 300 ms for every thread that is inside a native call to settle — and a command that used a
 * virtual thread for socket I/O always has one: the JDK's I/O poller, parked in {@code epoll_wait} for good. A
 * command's output is flushed and it has no shutdown hook left when this runs, so there is nothing to wait for.
 */
final class ProcessExit {
    private ProcessExit() {
    }

    static void now(int code) {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle exit = linker.downcallHandle(linker.defaultLookup().find("_exit").orElseThrow(),
                    FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
            exit.invokeExact(code);
        } catch (Throwable e) {
            // No native access: the VM's own exit does the same, only later.
        }
        Runtime.getRuntime().halt(code);
    }
}
