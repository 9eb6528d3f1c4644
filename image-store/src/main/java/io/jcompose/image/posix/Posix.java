package io.jcompose.image.posix;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The few file-system calls the JDK does not offer, through the foreign-function API: device nodes
 * and FIFOs ({@code mknod}), ownership of symlinks ({@code lchown}), setuid/setgid/sticky bits
 * ({@code chmod}), extended attributes outside the {@code user.} namespace ({@code l*xattr}), and
 * nanosecond times on symlinks ({@code utimensat} with {@code AT_SYMLINK_NOFOLLOW}). Each call
 * reports failure as an {@link IOException} carrying {@code errno} and its text.
 */
@SuppressWarnings("restricted") // native access is the point of this class; the launcher enables it
public final class Posix {
    public static final int S_IFIFO = 0010000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFBLK = 0060000;
    public static final int ENODATA = 61;
    public static final int EPERM = 1;
    public static final int EEXIST = 17;
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;

    private Posix() {
    }

    /** Creates a FIFO or a character/block device node; {@code type} is one of the {@code S_IF*} constants. */
    public static void mknod(Path path, int type, int permissions, int major, int minor) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Calls.STATE);
            int rc = (int) Calls.MKNOD.invokeExact(state, arena.allocateFrom(path.toString()), type | permissions & 07777,
                    makedev(major, minor));
            check(rc, state, "mknod", path);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Creates a symlink whose target is exactly {@code target}, byte for byte (no path normalization). */
    public static void symlink(String target, Path link) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Calls.STATE);
            int rc = (int) Calls.SYMLINK.invokeExact(state, arena.allocateFrom(target), arena.allocateFrom(link.toString()));
            check(rc, state, "symlink", link);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Sets owner and group without following a final symlink. */
    public static void lchown(Path path, long uid, long gid) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Calls.STATE);
            int rc = (int) Calls.LCHOWN.invokeExact(state, arena.allocateFrom(path.toString()), (int) uid, (int) gid);
            check(rc, state, "lchown", path);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Sets all twelve mode bits, including setuid, setgid and sticky. Follows symlinks: never pass one. */
    public static void chmod(Path path, int mode) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Calls.STATE);
            int rc = (int) Calls.CHMOD.invokeExact(state, arena.allocateFrom(path.toString()), mode & 07777);
            check(rc, state, "chmod", path);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Sets an extended attribute on the path itself (a symlink is not followed). */
    public static void lsetxattr(Path path, String name, byte[] value) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Calls.STATE);
            MemorySegment data = arena.allocate(Math.max(1, value.length));
            MemorySegment.copy(value, 0, data, ValueLayout.JAVA_BYTE, 0, value.length);
            int rc = (int) Calls.LSETXATTR.invokeExact(state, arena.allocateFrom(path.toString()),
                    arena.allocateFrom(name), data, (long) value.length, 0);
            check(rc, state, "lsetxattr " + name, path);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The value of an extended attribute, or null when the path has none of that name. */
    public static byte[] lgetxattr(Path path, String name) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Calls.STATE);
            MemorySegment cpath = arena.allocateFrom(path.toString());
            MemorySegment cname = arena.allocateFrom(name);
            MemorySegment buffer = arena.allocate(65536);
            long n = (long) Calls.LGETXATTR.invokeExact(state, cpath, cname, buffer, buffer.byteSize());
            if (n < 0 && errno(state) == ENODATA) return null;
            check((int) Math.min(n, 0), state, "lgetxattr " + name, path);
            return buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Names of all extended attributes the caller may see on the path itself. */
    public static List<String> llistxattr(Path path) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Calls.STATE);
            MemorySegment buffer = arena.allocate(65536);
            long n = (long) Calls.LLISTXATTR.invokeExact(state, arena.allocateFrom(path.toString()), buffer,
                    buffer.byteSize());
            check((int) Math.min(n, 0), state, "llistxattr", path);
            List<String> names = new ArrayList<>();
            long start = 0;
            for (long i = 0; i < n; i++) {
                if (buffer.get(ValueLayout.JAVA_BYTE, i) == 0) {
                    names.add(buffer.asSlice(start, i - start + 1).getString(0));
                    start = i + 1;
                }
            }
            return names;
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Sets access and modification time to the same instant, on the path itself. */
    public static void lutimes(Path path, long seconds, int nanos) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Calls.STATE);
            MemorySegment times = arena.allocate(ValueLayout.JAVA_LONG, 4);
            times.setAtIndex(ValueLayout.JAVA_LONG, 0, seconds);
            times.setAtIndex(ValueLayout.JAVA_LONG, 1, nanos);
            times.setAtIndex(ValueLayout.JAVA_LONG, 2, seconds);
            times.setAtIndex(ValueLayout.JAVA_LONG, 3, nanos);
            int rc = (int) Calls.UTIMENSAT.invokeExact(state, AT_FDCWD, arena.allocateFrom(path.toString()), times,
                    AT_SYMLINK_NOFOLLOW);
            check(rc, state, "utimensat", path);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public static int geteuid() {
        try {
            return (int) Calls.GETEUID.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** glibc's encoding of a device number. */
    static long makedev(long major, long minor) {
        return (major & 0xfffff000L) << 32 | (major & 0xfffL) << 8 | (minor & 0xffffff00L) << 12 | minor & 0xffL;
    }

    private static int errno(MemorySegment state) {
        return (int) Calls.ERRNO.get(state, 0L);
    }

    private static void check(int rc, MemorySegment state, String call, Path path) throws IOException {
        if (rc >= 0) return;
        int errno = errno(state);
        throw new PosixException(errno, call + " " + path + ": " + strerror(errno));
    }

    private static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) Calls.STRERROR.invokeExact(errno);
            return text.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    /** Bound lazily, on first use, so classes that never call into libc pay nothing. */
    private static final class Calls {
        static final Linker LINKER = Linker.nativeLinker();
        static final SymbolLookup LIBC = LINKER.defaultLookup();
        static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
        static final java.lang.foreign.StructLayout STATE = Linker.Option.captureStateLayout();
        static final VarHandle ERRNO = STATE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
        static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
        static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
        static final java.lang.foreign.AddressLayout PTR = ValueLayout.ADDRESS;

        static final MethodHandle MKNOD = bind("mknod", FunctionDescriptor.of(INT, PTR, INT, LONG));
        static final MethodHandle SYMLINK = bind("symlink", FunctionDescriptor.of(INT, PTR, PTR));
        static final MethodHandle LCHOWN = bind("lchown", FunctionDescriptor.of(INT, PTR, INT, INT));
        static final MethodHandle CHMOD = bind("chmod", FunctionDescriptor.of(INT, PTR, INT));
        static final MethodHandle LSETXATTR = bind("lsetxattr", FunctionDescriptor.of(INT, PTR, PTR, PTR, LONG, INT));
        static final MethodHandle LGETXATTR = bind("lgetxattr", FunctionDescriptor.of(LONG, PTR, PTR, PTR, LONG));
        static final MethodHandle LLISTXATTR = bind("llistxattr", FunctionDescriptor.of(LONG, PTR, PTR, LONG));
        static final MethodHandle UTIMENSAT = bind("utimensat", FunctionDescriptor.of(INT, INT, PTR, PTR, INT));
        static final MethodHandle GETEUID = LINKER.downcallHandle(LIBC.find("geteuid").orElseThrow(),
                FunctionDescriptor.of(INT));
        static final MethodHandle STRERROR = LINKER.downcallHandle(LIBC.find("strerror").orElseThrow(),
                FunctionDescriptor.of(PTR, INT));

        private static MethodHandle bind(String name, FunctionDescriptor descriptor) {
            return LINKER.downcallHandle(LIBC.find(name).orElseThrow(), descriptor, CAPTURE);
        }
    }
}
