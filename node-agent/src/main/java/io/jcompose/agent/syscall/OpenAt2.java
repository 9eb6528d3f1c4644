package io.jcompose.agent.syscall;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * {@code openat2(2)} (Linux 5.6+, called through {@code syscall(2)}: the C library has no wrapper) and
 * {@code close(2)}, with errno captured per call. openat2's {@code resolve} flags let the kernel resolve a
 * path as if a directory were the root ({@link #RESOLVE_IN_ROOT}): symlinks and {@code ..} never leave it,
 * with no window between a check and the use.
 */
public final class OpenAt2 {
    public static final int AT_FDCWD = -100;
    public static final long O_RDONLY = 0;
    public static final long O_DIRECTORY = 0200000;
    public static final long O_NOFOLLOW = 0400000;
    public static final long O_CLOEXEC = 02000000;
    public static final long O_PATH = 010000000;
    public static final long RESOLVE_NO_XDEV = 0x01;
    public static final long RESOLVE_NO_MAGICLINKS = 0x02;
    public static final long RESOLVE_NO_SYMLINKS = 0x04;
    public static final long RESOLVE_BENEATH = 0x08;
    public static final long RESOLVE_IN_ROOT = 0x10;
    public static final int ENOENT = 2;
    public static final int ENOTDIR = 20;
    public static final int ELOOP = 40;
    public static final int EXDEV = 18;
    private static final long SYS_OPENAT2 = 437; // x86_64 and aarch64 alike
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                    ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
            Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().find("close").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private OpenAt2() {
    }

    /** A failed call and its errno. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int errno;

        Failure(String path, int errno) {
            super("cannot open " + path + ": " + describe(errno) + " (errno " + errno + ")");
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }

    /** Opens {@code path} relative to {@code dirFd} with {@code flags} and {@code resolve}; returns the new fd. */
    public static int open(int dirFd, String path, long flags, long resolve) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment how = arena.allocate(24, 8); // struct open_how { u64 flags, mode, resolve; }
            how.set(ValueLayout.JAVA_LONG, 0, flags | O_CLOEXEC);
            how.set(ValueLayout.JAVA_LONG, 8, 0L);
            how.set(ValueLayout.JAVA_LONG, 16, resolve);
            MemorySegment state = arena.allocate(STATE);
            MemorySegment name = arena.allocateFrom(path);
            for (int attempt = 0; ; attempt++) {
                long fd = (long) SYSCALL.invokeExact(state, SYS_OPENAT2, (long) dirFd, name, how, 24L);
                if (fd >= 0) {
                    return (int) fd;
                }
                int errno = (int) ERRNO.get(state, 0L);
                // EAGAIN: a concurrent rename made the kernel give up on a scoped lookup; it asks for a retry
                if ((errno == EAGAIN || errno == EINTR) && attempt < 16) {
                    continue;
                }
                throw new Failure(path, errno);
            }
        } catch (Failure e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("openat2 call failed", t);
        }
    }

    public static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException("close failed", t);
        }
    }

    private static String describe(int errno) {
        return switch (errno) {
            case 1, 13 -> "permission denied";
            case ENOENT -> "no such file or directory";
            case ENOTDIR -> "not a directory";
            case ELOOP -> "a symbolic link where none may be followed, or too many of them";
            case EXDEV -> "the path leaves its root";
            case 38 -> "the kernel has no openat2 (Linux 5.6 or later is needed)";
            default -> "error";
        };
    }
}
