package io.jcompose.image.build.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What one {@code lstat} says about a context entry: enough to copy it and to know it is unchanged. */
record FileStat(int mode, long size, long mtimeNanos, long ctimeNanos, long inode, long device) {
    static final int S_IFMT = 0170000;
    static final int S_IFREG = 0100000;
    static final int S_IFDIR = 0040000;
    static final int S_IFLNK = 0120000;
    static final int S_IFSOCK = 0140000;
    private static final String ATTRIBUTES = "unix:mode,size,lastModifiedTime,ctime,ino,dev";

    /** The entry itself (a symlink is not followed), or null when nothing is there. */
    static FileStat of(Path path) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        return new FileStat((Integer) a.get("mode"), (Long) a.get("size"), nanos(a.get("lastModifiedTime")),
                nanos(a.get("ctime")), (Long) a.get("ino"), (Long) a.get("dev"));
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }

    int type() {
        return mode & S_IFMT;
    }

    boolean isFile() {
        return type() == S_IFREG;
    }

    boolean isDirectory() {
        return type() == S_IFDIR;
    }

    boolean isSymlink() {
        return type() == S_IFLNK;
    }

    boolean isSocket() {
        return type() == S_IFSOCK;
    }

    /** The twelve permission bits, setuid/setgid/sticky included. */
    int permissions() {
        return mode & 07777;
    }

    /** A word for the entry's type, for messages. */
    String kind() {
        return switch (type()) {
            case S_IFREG -> "file";
            case S_IFDIR -> "directory";
            case S_IFLNK -> "symlink";
            case S_IFSOCK -> "socket";
            case 0010000 -> "named pipe (FIFO)";
            case 0020000 -> "character device";
            case 0060000 -> "block device";
            default -> "special file";
        };
    }
}
