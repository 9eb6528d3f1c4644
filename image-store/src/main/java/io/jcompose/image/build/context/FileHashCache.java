package io.jcompose.image.build.context;

import io.jcompose.image.build.BuildException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sha256 of context files, remembered by path together with the size, mtime, ctime and inode seen
 * when it was read: a file whose {@code lstat} still says the same is not read again. One cache may
 * serve many builds of the same context (the agent keeps one per context directory); it is safe to use
 * from several threads.
 */
public final class FileHashCache {
    private record Known(long size, long mtimeNanos, long ctimeNanos, long inode, long device, byte[] sha256) {
        boolean matches(FileStat stat) {
            return size == stat.size() && mtimeNanos == stat.mtimeNanos() && ctimeNanos == stat.ctimeNanos()
                    && inode == stat.inode() && device == stat.device();
        }
    }

    private final ConcurrentHashMap<Path, Known> known = new ConcurrentHashMap<>();

    /** The sha256 of the regular file at {@code path}, whose {@code lstat} was {@code stat}. */
    byte[] sha256(Path path, FileStat stat) {
        Known k = known.get(path);
        if (k != null && k.matches(stat)) return k.sha256();
        byte[] digest = read(path);
        known.put(path, new Known(stat.size(), stat.mtimeNanos(), stat.ctimeNanos(), stat.inode(), stat.device(), digest));
        return digest;
    }

    /** How many files are remembered. */
    public int size() {
        return known.size();
    }

    /** Forgets everything, e.g. when the context directory goes away. */
    public void clear() {
        known.clear();
    }

    private static byte[] read(Path path) {
        MessageDigest sha = newSha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
        } catch (IOException e) {
            throw new BuildException("cannot read " + path + " from the build context: " + e.getMessage(),
                    "check that the file is readable, or exclude it in .dockerignore");
        }
        return sha.digest();
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
