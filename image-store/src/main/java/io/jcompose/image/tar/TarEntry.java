package io.jcompose.image.tar;

import java.util.Map;

/**
 * One member of a tar stream, with PAX and GNU extensions already folded in.
 *
 * @param name       the path as written in the archive (may start with {@code ./}; never interpreted here)
 * @param type       what kind of file it is
 * @param size       content bytes that follow (0 except for regular files)
 * @param mode       permission bits including setuid/setgid/sticky ({@code 07777})
 * @param uid        numeric owner
 * @param gid        numeric group
 * @param mtimeSeconds modification time, whole seconds since the epoch
 * @param mtimeNanos   the fraction PAX headers may add
 * @param linkName   the target of a symlink or hardlink, else empty
 * @param devMajor   device major number for character/block devices
 * @param devMinor   device minor number
 * @param xattrs     extended attributes from {@code SCHILY.xattr.*}, values byte-exact
 */
public record TarEntry(String name, TarEntryType type, long size, int mode, long uid, long gid, long mtimeSeconds,
                       int mtimeNanos, String linkName, int devMajor, int devMinor, Map<String, byte[]> xattrs) {
    public TarEntry {
        xattrs = Map.copyOf(xattrs);
    }

    public static TarEntry directory(String name, int mode) {
        return new TarEntry(name, TarEntryType.DIRECTORY, 0, mode, 0, 0, 0, 0, "", 0, 0, Map.of());
    }

    public static TarEntry file(String name, int mode, long size) {
        return new TarEntry(name, TarEntryType.FILE, size, mode, 0, 0, 0, 0, "", 0, 0, Map.of());
    }

    public static TarEntry symlink(String name, String target) {
        return new TarEntry(name, TarEntryType.SYMLINK, 0, 0777, 0, 0, 0, 0, target, 0, 0, Map.of());
    }

    public static TarEntry hardlink(String name, String target) {
        return new TarEntry(name, TarEntryType.HARDLINK, 0, 0644, 0, 0, 0, 0, target, 0, 0, Map.of());
    }

    public TarEntry withOwner(long newUid, long newGid) {
        return new TarEntry(name, type, size, mode, newUid, newGid, mtimeSeconds, mtimeNanos, linkName, devMajor,
                devMinor, xattrs);
    }

    public TarEntry withMtime(long seconds, int nanos) {
        return new TarEntry(name, type, size, mode, uid, gid, seconds, nanos, linkName, devMajor, devMinor, xattrs);
    }

    public TarEntry withXattrs(Map<String, byte[]> newXattrs) {
        return new TarEntry(name, type, size, mode, uid, gid, mtimeSeconds, mtimeNanos, linkName, devMajor, devMinor,
                newXattrs);
    }

    public TarEntry withDevice(TarEntryType deviceType, int major, int minor) {
        return new TarEntry(name, deviceType, 0, mode, uid, gid, mtimeSeconds, mtimeNanos, "", major, minor, xattrs);
    }

    public TarEntry withName(String newName) {
        return new TarEntry(newName, type, size, mode, uid, gid, mtimeSeconds, mtimeNanos, linkName, devMajor,
                devMinor, xattrs);
    }
}
