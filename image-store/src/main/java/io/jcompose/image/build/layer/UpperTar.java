package io.jcompose.image.build.layer;

import io.jcompose.image.posix.Posix;
import io.jcompose.image.tar.TarEntry;
import io.jcompose.image.tar.TarEntryType;
import io.jcompose.image.tar.TarWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a directory in overlayfs upper form as an OCI layer tar, the inverse of the store's
 * {@code LayerApplier}: a 0/0 character device becomes a {@code .wh.NAME} whiteout, a directory marked
 * {@code overlay.opaque=y} (trusted or user namespace) is followed by a {@code .wh..wh..opq} marker, and
 * overlayfs' other bookkeeping attributes are left out. The bytes depend only on the files: entries in
 * name order per directory, numeric owners without names, mtimes in whole seconds, attributes sorted, a
 * second name of an inode written as a hardlink to the first. So the same tree always has the same diff ID.
 */
final class UpperTar {
    static final String WHITEOUT_PREFIX = ".wh.";
    static final String OPAQUE_MARKER = ".wh..wh..opq";
    private static final String ATTRIBUTES = "unix:mode,uid,gid,ino,dev,nlink,rdev,size,lastModifiedTime";
    private static final int S_IFMT = 0170000;

    private final TarWriter tar;
    private final Map<List<Long>, String> inodes = new HashMap<>();
    private long entries;

    private UpperTar(TarWriter tar) {
        this.tar = tar;
    }

    /**
     * Writes {@code dir}'s contents (not the directory itself) to {@code tar} and finishes the archive.
     *
     * @return the number of entries written; 0 means the directory was empty
     */
    static long write(Path dir, TarWriter tar) throws IOException {
        UpperTar writer = new UpperTar(tar);
        writer.directory(dir, "");
        tar.finish();
        return writer.entries;
    }

    /** True when {@code dir} has no entries: such a step makes no layer. */
    static boolean isEmpty(Path dir) throws IOException {
        try (var children = Files.newDirectoryStream(dir)) {
            return !children.iterator().hasNext();
        }
    }

    private void directory(Path dir, String prefix) throws IOException {
        String[] names = dir.toFile().list();
        if (names == null) throw new IOException("cannot list " + dir);
        Arrays.sort(names);
        for (String name : names) entry(dir.resolve(name), prefix + name);
    }

    private void entry(Path path, String name) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        long uid = ((Integer) a.get("uid")).longValue() & 0xffffffffL;
        long gid = ((Integer) a.get("gid")).longValue() & 0xffffffffL;
        long mtime = ((FileTime) a.get("lastModifiedTime")).toInstant().getEpochSecond();
        int perm = mode & 07777;
        switch (mode & S_IFMT) {
            case 0040000 -> {
                Map<String, byte[]> xattrs = new TreeMap<>();
                boolean opaque = attributes(path, xattrs);
                put(new TarEntry(name + "/", TarEntryType.DIRECTORY, 0, perm, uid, gid, mtime, 0, "", 0, 0, xattrs));
                if (opaque) put(TarEntry.file(name + "/" + OPAQUE_MARKER, 0, 0).withMtime(mtime, 0));
                directory(path, name + "/");
            }
            case 0100000 -> {
                long size = (Long) a.get("size");
                if ((Integer) a.get("nlink") > 1) {
                    List<Long> inode = List.of((Long) a.get("dev"), (Long) a.get("ino"));
                    String first = inodes.putIfAbsent(inode, name);
                    if (first != null) {
                        put(new TarEntry(name, TarEntryType.HARDLINK, 0, perm, uid, gid, mtime, 0, first, 0, 0, Map.of()));
                        return;
                    }
                }
                Map<String, byte[]> xattrs = new TreeMap<>();
                attributes(path, xattrs);
                put(new TarEntry(name, TarEntryType.FILE, size, perm, uid, gid, mtime, 0, "", 0, 0, xattrs));
                try (InputStream in = Files.newInputStream(path)) {
                    tar.write(in);
                }
            }
            case 0120000 -> {
                Map<String, byte[]> xattrs = new TreeMap<>();
                attributes(path, xattrs);
                put(new TarEntry(name, TarEntryType.SYMLINK, 0, 0777, uid, gid, mtime, 0,
                        Files.readSymbolicLink(path).toString(), 0, 0, xattrs));
            }
            case 0020000, 0060000 -> {
                long rdev = (Long) a.get("rdev");
                boolean isChar = (mode & S_IFMT) == 0020000;
                if (isChar && rdev == 0) {
                    int slash = name.lastIndexOf('/');
                    String whiteout = name.substring(0, slash + 1) + WHITEOUT_PREFIX + name.substring(slash + 1);
                    put(TarEntry.file(whiteout, 0, 0).withMtime(mtime, 0));
                    return;
                }
                Map<String, byte[]> xattrs = new TreeMap<>();
                attributes(path, xattrs);
                put(new TarEntry(name, isChar ? TarEntryType.CHAR_DEVICE : TarEntryType.BLOCK_DEVICE, 0, perm, uid,
                        gid, mtime, 0, "", major(rdev), minor(rdev), xattrs));
            }
            case 0010000 -> put(new TarEntry(name, TarEntryType.FIFO, 0, perm, uid, gid, mtime, 0, "", 0, 0, Map.of()));
            default -> {
                // sockets belong to a process that is gone; Docker leaves them out of layers too
            }
        }
    }

    private void put(TarEntry entry) throws IOException {
        tar.putEntry(entry);
        entries++;
    }

    /**
     * Collects the attributes a layer carries into {@code into}.
     *
     * @return whether the directory is opaque (overlayfs' own attributes are never copied)
     */
    private static boolean attributes(Path path, Map<String, byte[]> into) throws IOException {
        boolean opaque = false;
        for (String name : Posix.llistxattr(path)) {
            if (name.startsWith("trusted.overlay.") || name.startsWith("user.overlay.")) {
                if (name.endsWith(".overlay.opaque")) {
                    byte[] v = Posix.lgetxattr(path, name);
                    opaque |= v != null && v.length == 1 && v[0] == 'y';
                }
                continue;
            }
            byte[] value = Posix.lgetxattr(path, name);
            if (value != null) into.put(name, value);
        }
        return opaque;
    }

    /** glibc's decoding of a device number (the inverse of makedev). */
    static int major(long rdev) {
        return (int) ((rdev >>> 8) & 0xfff | (rdev >>> 32) & ~0xfffL);
    }

    static int minor(long rdev) {
        return (int) (rdev & 0xff | (rdev >>> 12) & ~0xffL);
    }
}
