package io.jcompose.agent.archive;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.syscall.OpenAt2;
import io.jcompose.image.tar.TarEntry;
import io.jcompose.image.tar.TarEntryType;
import io.jcompose.image.tar.TarWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A path of a {@link PathSpace} as a tar stream, as docker's archive endpoint gives it: one top entry named as
 * the caller says (the path's last component, or {@code .} for a directory's content) and, for a directory,
 * everything below it in name order, each entry with its owner, mode and time. Directories are entered through
 * descriptors opened without following symlinks, so a link swapped in during the walk is never entered; a
 * stopped container's volume met on the way is read from the volume. Sockets are left out; hard links are
 * written as separate files.
 */
public final class ArchiveWriter {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private ArchiveWriter() {
    }

    /** Stats {@code path} (a final symlink followed only with {@code followLast}); NOT_FOUND when it is missing. */
    public static PathStatus stat(PathSpace space, String path, boolean followLast) {
        String clean = ContainerPaths.clean(path);
        try (Located found = Located.find(space, clean, followLast || ContainerPaths.assertsDirectory(path))) {
            Map<String, Object> a = found.attributes();
            if (a == null) {
                throw AgentException.notFound("could not find the file " + clean, "check the path inside the container");
            }
            FileKind kind = FileKind.of((int) a.get("mode"));
            if (ContainerPaths.assertsDirectory(path) && kind != FileKind.DIRECTORY) {
                throw AgentException.invalid(clean + " is not a directory", "drop the trailing / to copy the file");
            }
            String link = "";
            if (kind == FileKind.SYMLINK) {
                try {
                    link = Files.readSymbolicLink(found.path()).toString();
                } catch (IOException e) {
                    throw Failures.of("cannot read the link " + clean, e);
                }
            }
            return new PathStatus(ContainerPaths.baseName(path), (long) a.get("size"), (int) a.get("mode") & 07777,
                    kind.statusType(), ((FileTime) a.get("lastModifiedTime")).toInstant(), link);
        }
    }

    /** Writes {@code path} as a tar to {@code out}; its top entry is named {@code topName}. */
    public static void write(PathSpace space, String path, boolean followLast, String topName, OutputStream out)
            throws IOException {
        String clean = ContainerPaths.clean(path);
        TarWriter tar = new TarWriter(out);
        try (Located found = Located.find(space, clean, followLast || ContainerPaths.assertsDirectory(path))) {
            Map<String, Object> a = found.attributes();
            if (a == null) {
                throw AgentException.notFound("could not find the file " + clean, "check the path inside the container");
            }
            Fd dir = null;
            if (FileKind.of((int) a.get("mode")) == FileKind.DIRECTORY) {
                dir = found.options().length == 0 ? found.holder().borrowed()
                        : found.holder().childDirectory(found.path().getFileName().toString());
            }
            new Walk(space, tar).entry(found.path(), found.options(), a, topName, dir, clean);
        }
        tar.finish();
        out.flush();
    }

    private record Walk(PathSpace space, TarWriter tar) {
        /** Writes one entry and, for a directory ({@code dir} open on it, closed here), what is below it. */
        void entry(Path path, LinkOption[] options, Map<String, Object> a, String name, Fd dir, String containerPath)
                throws IOException {
            int mode = (int) a.get("mode");
            FileKind kind = FileKind.of(mode);
            TarEntryType type = kind.tarType();
            if (type == null) {
                return;
            }
            FileTime mtime = (FileTime) a.get("lastModifiedTime");
            long size = kind == FileKind.FILE ? (long) a.get("size") : 0;
            String link = kind == FileKind.SYMLINK ? Files.readSymbolicLink(path).toString() : "";
            long rdev = (long) a.get("rdev");
            TarEntry entry = new TarEntry(kind == FileKind.DIRECTORY && !name.endsWith("/") ? name + "/" : name, type,
                    size, mode & 07777, (int) a.get("uid"), (int) a.get("gid"), mtime.toInstant().getEpochSecond(),
                    mtime.toInstant().getNano(), link,
                    (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL)),
                    (int) ((rdev & 0xff) | ((rdev >>> 12) & 0xfff00)), Map.of());
            tar.putEntry(entry);
            if (kind == FileKind.FILE) {
                copyContent(path, options, size);
            } else if (dir != null) {
                try (dir) {
                    children(dir, name.endsWith("/") ? name : name + "/", containerPath);
                }
            }
        }

        /** Exactly {@code size} bytes: a file that shrank meanwhile is padded with zeros, one that grew cut. */
        private void copyContent(Path path, LinkOption[] options, long size) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            long left = size;
            try (InputStream in = Files.newInputStream(path, options)) {
                int n;
                while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                    tar.write(buffer, 0, n);
                    left -= n;
                }
            }
            java.util.Arrays.fill(buffer, (byte) 0);
            while (left > 0) {
                int n = (int) Math.min(buffer.length, left);
                tar.write(buffer, 0, n);
                left -= n;
            }
        }

        private void children(Fd dir, String prefix, String containerPath) throws IOException {
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> list = Files.newDirectoryStream(dir.path())) {
                list.forEach(p -> names.add(p.getFileName().toString()));
            }
            names.sort(null);
            for (String name : names) {
                Path child = dir.child(name);
                String childPath = ContainerPaths.child(containerPath, name);
                Map<String, Object> a;
                try {
                    a = Files.readAttributes(child, Located.ATTRIBUTES, NOFOLLOW);
                } catch (java.nio.file.NoSuchFileException e) {
                    continue; // removed while we walk
                }
                if (space.isMountPoint(childPath)) {
                    // a stopped container's volume or bind: its content, not the mount point under it
                    try (Located mounted = Located.find(space, childPath, true)) {
                        Map<String, Object> m = mounted.attributes();
                        if (m != null) {
                            Fd sub = FileKind.of((int) m.get("mode")) == FileKind.DIRECTORY ? mounted.holder().borrowed() : null;
                            entry(mounted.path(), mounted.options(), m, prefix + name, sub, childPath);
                        }
                    }
                    continue;
                }
                Fd sub = null;
                if (FileKind.of((int) a.get("mode")) == FileKind.DIRECTORY) {
                    try {
                        sub = dir.childDirectory(name);
                    } catch (OpenAt2.Failure e) {
                        continue; // replaced by something else while we walk
                    }
                }
                entry(child, NOFOLLOW, a, prefix + name, sub, childPath);
            }
        }
    }
}
