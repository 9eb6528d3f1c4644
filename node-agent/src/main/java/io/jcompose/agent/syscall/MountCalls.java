package io.jcompose.agent.syscall;

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
 * {@code mount(2)} and {@code umount2(2)} through FFM, with {@code errno} captured per call (the JVM may
 * overwrite the thread's errno before Java code could read it). Only the daemon loads this class.
 */
public final class MountCalls {
    /** {@code umount2} flag: detach now, finish when the mount is no longer busy. */
    public static final int MNT_DETACH = 2;
    public static final int EINVAL = 22;
    public static final int EBUSY = 16;
    public static final int ENOENT = 2;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE = STATE.varHandle(MemoryLayoutPath.ERRNO);
    private static final MethodHandle MOUNT = handle("mount", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
    private static final MethodHandle UMOUNT2 = handle("umount2", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_INT));

    private MountCalls() {
    }

    /** Holds the element path of {@code errno} in the capture-state layout. */
    private static final class MemoryLayoutPath {
        static final java.lang.foreign.MemoryLayout.PathElement ERRNO =
                java.lang.foreign.MemoryLayout.PathElement.groupElement("errno");
    }

    /** A failed call: the C errno and what it means. */
    public static final class MountException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int errno;

        MountException(String call, int errno) {
            super(call + " failed: " + describe(errno) + " (errno " + errno + ")");
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }

    /** {@code mount(source, target, type, flags, data)}; throws {@link MountException} on failure. */
    public static void mount(String source, Path target, String type, long flags, String data) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(STATE);
            MemorySegment options = data == null ? MemorySegment.NULL : arena.allocateFrom(data);
            int rc = (int) MOUNT.invokeExact(state, arena.allocateFrom(source), arena.allocateFrom(target.toString()),
                    arena.allocateFrom(type), flags, options);
            if (rc != 0) {
                throw new MountException("mount " + type + " on " + target, (int) ERRNO_HANDLE.get(state, 0L));
            }
        } catch (MountException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mount call failed", t);
        }
    }

    /** {@code umount2(target, flags)}; throws {@link MountException} on failure. */
    public static void umount2(Path target, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(STATE);
            int rc = (int) UMOUNT2.invokeExact(state, arena.allocateFrom(target.toString()), flags);
            if (rc != 0) {
                throw new MountException("umount " + target, (int) ERRNO_HANDLE.get(state, 0L));
            }
        } catch (MountException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("umount2 call failed", t);
        }
    }

    private static String describe(int errno) {
        return switch (errno) {
            case 1 -> "operation not permitted";
            case ENOENT -> "no such file or directory";
            case EBUSY -> "device or resource busy";
            case EINVAL -> "invalid argument";
            case 19 -> "file system type not supported by the kernel";
            case 20 -> "not a directory";
            case 28 -> "no space left on device";
            default -> "error";
        };
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("no " + name + " in libc"));
        return LINKER.downcallHandle(symbol, descriptor, ERRNO);
    }
}
