package io.jcompose.image.layer;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.posix.Posix;
import io.jcompose.image.posix.PosixException;
import io.jcompose.image.tar.TarEntry;
import io.jcompose.image.tar.TarEntryType;
import io.jcompose.image.tar.TarFormatException;
import io.jcompose.image.tar.TarReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipException;

/**
 * Unpacks one layer blob (gzip, zstd or plain tar) into an empty directory, in the form overlayfs
 * reads as a lower layer: an OCI whiteout {@code .wh.NAME} becomes a 0/0 character device at
 * {@code NAME}, an opaque marker {@code .wh..wh..opq} becomes the {@code overlay.opaque=y} attribute
 * on its directory. Regular files, directories, symlinks, hardlinks, devices and FIFOs keep their
 * mode (setuid included), owner, times and extended attributes byte for byte.
 *
 * <p>Entries that would reach outside the directory — absolute names, {@code ..}, symlinks whose
 * relative target climbs above the root, hardlinks to paths outside it, whiteouts of {@code .} or
 * {@code ..} — and layers beyond the configured size are refused with INVALID_ARGUMENT or
 * RESOURCE_EXHAUSTED. The caller owns the directory and removes it on failure.
 */
public final class LayerApplier {
    static final String WHITEOUT_PREFIX = ".wh.";
    static final String OPAQUE_MARKER = ".wh..wh..opq";
    private static final byte[] YES = "y".getBytes(StandardCharsets.US_ASCII);
    private static final int COPY_BUFFER = 1 << 17;

    private final ApplyOptions options;

    public LayerApplier(ApplyOptions options) {
        this.options = options;
    }

    /** What an apply produced. {@code skipped} counts entries left out for lack of privilege. */
    public record Result(Digest diffId, long entries, long bytes, long skipped) {
    }

    /**
     * Applies {@code blob} into {@code target}, which must exist and be empty.
     *
     * @return the diff ID (sha256 of the uncompressed tar) and counts
     */
    public Result apply(InputStream blob, Path target) {
        try {
            MessageDigest sha = Digest.newMessageDigest(Digest.SHA256);
            InputStream tarStream = new DigestInputStream(LayerCompression.decompress(blob), sha);
            Application app = new Application(new ScopedResolver(target));
            try (TarReader tar = new TarReader(tarStream)) {
                for (TarEntry entry; (entry = tar.next()) != null; ) app.apply(entry, tar.content());
                tar.drain();
                app.finish();
            }
            return new Result(Digest.of(Digest.SHA256, sha), app.entries, app.bytes, app.skipped);
        } catch (HostileLayerException e) {
            throw new ImageException(Kind.INVALID_ARGUMENT, "layer refused: " + e.getMessage(),
                    "the layer tries to reach outside its directory or breaks the layer format; do not run this image, rebuild it from trusted sources");
        } catch (LimitException e) {
            throw new ImageException(Kind.RESOURCE_EXHAUSTED, "layer refused: " + e.getMessage(),
                    "if the image is trusted, raise the image store's layer size limit");
        } catch (TarFormatException | ZipException e) {
            throw new ImageException(Kind.INVALID_ARGUMENT, "layer is not a valid tar stream: " + e.getMessage(),
                    "the blob is damaged or is not a layer; pull the image again or rebuild it", e);
        } catch (InvalidPathException e) {
            throw new ImageException(Kind.INTERNAL, "layer has a file name this process cannot represent: "
                    + e.getMessage(), "run the agent with a UTF-8 locale (LANG=C.UTF-8)", e);
        } catch (IOException e) {
            throw new ImageException(Kind.INTERNAL, "cannot unpack layer into " + target + ": " + e.getMessage(),
                    "check free space and permissions; as a non-root user only part of a layer can be applied", e);
        }
    }

    /** Thrown when a configured limit is crossed. */
    static final class LimitException extends RuntimeException {
        LimitException(String message) {
            super(message);
        }
    }

    /** The state of one apply: counters and the directories whose mode and time are set last. */
    private final class Application {
        private final ScopedResolver resolver;
        /** Directories get their mode and mtime at the end: children change the mtime, and a 0500 mode would block them. */
        private final TreeMap<String, TarEntry> deferred = new TreeMap<>();
        private final byte[] buffer = new byte[COPY_BUFFER];
        long entries;
        long bytes;
        long skipped;

        Application(ScopedResolver resolver) {
            this.resolver = resolver;
        }

        void apply(TarEntry entry, InputStream content) throws IOException {
            if (++entries > options.maxEntries()) {
                throw new LimitException("more than " + options.maxEntries() + " entries");
            }
            EntryPath path = EntryPath.parse(entry.name(), "entry");
            if (path.isRoot()) return;
            String base = path.last();
            if (base.startsWith(WHITEOUT_PREFIX)) {
                whiteout(entry, path, base);
                return;
            }
            Path dest = resolver.entry(path);
            BasicFileAttributes existing = ScopedResolver.attributes(dest);
            if (existing != null && !(existing.isDirectory() && entry.type() == TarEntryType.DIRECTORY)) {
                removeAll(dest);
            }
            switch (entry.type()) {
                case DIRECTORY -> {
                    if (existing == null || !existing.isDirectory()) Files.createDirectory(dest);
                    deferred.put(resolver.relative(dest), entry);
                    owner(dest, entry);
                    xattrs(dest, entry);
                    return;
                }
                case FILE -> writeFile(entry, dest, content);
                case SYMLINK -> {
                    checkSymlink(path, entry.linkName());
                    Posix.symlink(entry.linkName(), dest);
                }
                case HARDLINK -> {
                    link(entry, dest);
                    return; // a hardlink shares the target's inode: its metadata is the target's
                }
                case CHAR_DEVICE, BLOCK_DEVICE -> {
                    if (!options.privileged()) {
                        skipped++;
                        return;
                    }
                    Posix.mknod(dest, entry.type() == TarEntryType.CHAR_DEVICE ? Posix.S_IFCHR : Posix.S_IFBLK,
                            entry.mode(), entry.devMajor(), entry.devMinor());
                }
                case FIFO -> Posix.mknod(dest, Posix.S_IFIFO, entry.mode(), 0, 0);
            }
            owner(dest, entry);
            if (entry.type() != TarEntryType.SYMLINK) Posix.chmod(dest, entry.mode());
            xattrs(dest, entry);
            Posix.lutimes(dest, entry.mtimeSeconds(), entry.mtimeNanos());
        }

        private void whiteout(TarEntry entry, EntryPath path, String base) throws IOException {
            if (base.equals(OPAQUE_MARKER)) {
                Path dir = resolver.directory(path.parent());
                Posix.lsetxattr(dir, overlayAttribute("opaque"), YES);
                return;
            }
            if (base.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) return; // aufs bookkeeping, meaningless here
            String victim = base.substring(WHITEOUT_PREFIX.length());
            if (victim.isEmpty() || victim.equals(".") || victim.equals("..")) {
                throw new HostileLayerException("whiteout \"" + entry.name() + "\" names "
                        + (victim.isEmpty() ? "nothing" : "a parent directory"));
            }
            Path dest = resolver.entry(path.sibling(victim));
            // the OCI spec lets a whiteout hide only lower layers: a file this layer wrote stays
            if (ScopedResolver.attributes(dest) != null) return;
            try {
                Posix.mknod(dest, Posix.S_IFCHR, 0, 0, 0);
            } catch (PosixException e) {
                if (e.errno() != Posix.EPERM) throw e;
                throw new IOException("cannot create the whiteout for " + path.sibling(victim)
                        + ": this kernel allows 0/0 character devices only to root (Linux < 5.8)", e);
            }
        }

        private void writeFile(TarEntry entry, Path dest, InputStream content) throws IOException {
            if (bytes + entry.size() > options.maxBytes()) {
                throw new LimitException("files add up to more than " + options.maxBytes() + " bytes at \""
                        + entry.name() + "\"");
            }
            try (OutputStream out = Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                for (int n; (n = content.read(buffer)) > 0; ) out.write(buffer, 0, n);
            }
            bytes += entry.size();
        }

        private void checkSymlink(EntryPath path, String target) {
            if (target.isEmpty()) throw new HostileLayerException("symlink \"" + path + "\" has an empty target");
            if (target.startsWith("/")) return; // resolved against the container's root when used
            int depth = path.components().size() - 1;
            for (String part : target.split("/")) {
                if (part.isEmpty() || part.equals(".")) continue;
                depth += part.equals("..") ? -1 : 1;
                if (depth < 0) {
                    throw new HostileLayerException("symlink \"" + path + "\" -> \"" + target + "\" points outside the layer");
                }
            }
        }

        private void link(TarEntry entry, Path dest) throws IOException {
            EntryPath targetPath = EntryPath.parse(entry.linkName(), "hardlink target of \"" + entry.name() + "\"");
            if (targetPath.isRoot()) throw new HostileLayerException("hardlink \"" + entry.name() + "\" names the root");
            Path source = resolver.entry(targetPath);
            BasicFileAttributes attrs = ScopedResolver.attributes(source);
            if (attrs == null) {
                throw new HostileLayerException("hardlink \"" + entry.name() + "\" -> \"" + entry.linkName()
                        + "\": the target is not in this layer");
            }
            if (attrs.isDirectory()) {
                throw new HostileLayerException("hardlink \"" + entry.name() + "\" -> \"" + entry.linkName() + "\" names a directory");
            }
            Files.createLink(dest, source);
        }

        private void owner(Path dest, TarEntry entry) throws IOException {
            if (options.privileged()) Posix.lchown(dest, entry.uid(), entry.gid());
        }

        private void xattrs(Path dest, TarEntry entry) throws IOException {
            for (Map.Entry<String, byte[]> x : entry.xattrs().entrySet()) {
                String name = x.getKey();
                if (!options.privileged() && !name.startsWith("user.")) {
                    skipped++;
                    continue;
                }
                if (name.startsWith("user.") && entry.type() == TarEntryType.SYMLINK) continue; // the kernel forbids it
                Posix.lsetxattr(dest, name, x.getValue());
            }
        }

        private String overlayAttribute(String name) {
            return (options.privileged() ? "trusted.overlay." : "user.overlay.") + name;
        }

        /** Removes what an entry replaces, and forgets deferred work below it. */
        private void removeAll(Path path) throws IOException {
            String rel = resolver.relative(path);
            deferred.subMap(rel + "/", rel + "/\uffff").clear();
            deferred.remove(rel);
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) throw e;
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        }

        /** Sets directory modes and times, deepest first so a parent's time is not disturbed afterwards. */
        void finish() throws IOException {
            for (Map.Entry<String, TarEntry> e : deferred.descendingMap().entrySet()) {
                Path dir = resolver.root().resolve(e.getKey());
                BasicFileAttributes attrs = ScopedResolver.attributes(dir);
                if (attrs == null || !attrs.isDirectory()) continue;
                Posix.chmod(dir, e.getValue().mode());
                Posix.lutimes(dir, e.getValue().mtimeSeconds(), e.getValue().mtimeNanos());
            }
        }
    }
}
