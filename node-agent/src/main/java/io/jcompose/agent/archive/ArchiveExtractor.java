package io.jcompose.agent.archive;

import io.jcompose.agent.error.AgentException;
import io.jcompose.image.layer.EntryPath;
import io.jcompose.image.layer.HostileLayerException;
import io.jcompose.image.tar.TarEntry;
import io.jcompose.image.tar.TarReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Extracts a tar into a directory of a {@link PathSpace}, as docker's archive upload does: names must stay
 * below the directory (no absolute name, no {@code ..}, as image layers: {@link EntryPath}); an existing file is
 * replaced, an existing directory kept and merged into; with {@code noOverwriteDirNonDir} a directory never
 * replaces a non-directory nor the other way round. Each entry's parent is resolved by the kernel inside the
 * space's root, and the entry itself is made or changed through that directory without following a final
 * symlink, so a link inside the container (however it was planted) cannot send a write outside.
 * Device files are refused (the agent makes no device nodes); extended attributes are not restored.
 */
public final class ArchiveExtractor {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** Who owns what is written: the archive's ids, root ({@code docker cp} without {@code -a}), or whoever writes. */
    public enum Ownership { ARCHIVE, ROOT, UNCHANGED }

    /**
     * @param rename when set, a top component {@code rename[0]} is written as {@code rename[1]} (docker's rebase)
     */
    public record Options(Ownership ownership, boolean noOverwriteDirNonDir, String renameFrom, String renameTo) {
        public static Options of(Ownership ownership) {
            return new Options(ownership, true, null, null);
        }

        public Options renamed(String from, String to) {
            return new Options(ownership, noOverwriteDirNonDir, from, to);
        }
    }

    private record DirectoryTime(String path, TarEntry entry) {
    }

    private ArchiveExtractor() {
    }

    /** Extracts {@code tar} into the existing directory {@code dir}; returns the bytes of file content written. */
    public static long extract(PathSpace space, String dir, InputStream tar, Options options) throws IOException {
        String root = ContainerPaths.clean(dir);
        try (Located target = Located.find(space, root, true)) {
            Map<String, Object> a = target.attributes();
            if (a == null) {
                throw AgentException.notFound("could not find the file " + root, "check the path inside the container");
            }
            if (FileKind.of((int) a.get("mode")) != FileKind.DIRECTORY) {
                throw AgentException.invalid("extraction point " + root + " is not a directory", "copy into a directory");
            }
        }
        TarReader reader = new TarReader(tar);
        List<DirectoryTime> directories = new ArrayList<>();
        long written = 0;
        for (TarEntry e = reader.next(); e != null; e = reader.next()) {
            EntryPath name = parse(renamed(e.name(), options));
            if (name.isRoot()) {
                continue; // the extraction directory itself keeps its owner and mode
            }
            String path = root;
            for (String part : name.components()) {
                path = ContainerPaths.child(path, part);
            }
            written += entry(space, root, path, e, reader.content(), options);
            if (e.type() == io.jcompose.image.tar.TarEntryType.DIRECTORY) {
                directories.add(new DirectoryTime(path, e));
            }
        }
        // last, deepest first: writing into a directory changes its time
        for (DirectoryTime d : directories.reversed()) {
            try (Located at = Located.find(space, d.path(), false)) {
                setTime(at.path(), d.entry());
            } catch (AgentException | IOException ignored) {
                // removed or replaced meanwhile: nothing to date
            }
        }
        return written;
    }

    private static long entry(PathSpace space, String root, String path, TarEntry e, InputStream content,
                              Options options) throws IOException {
        try (Fd parent = Located.directory(space, ContainerPaths.parent(path), true)) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            Path at = parent.child(name);
            boolean isDir = e.type() == io.jcompose.image.tar.TarEntryType.DIRECTORY;
            Map<String, Object> existing = attributes(at);
            if (existing != null) {
                boolean wasDir = FileKind.of((int) existing.get("mode")) == FileKind.DIRECTORY;
                if (wasDir && !isDir && options.noOverwriteDirNonDir()) {
                    throw AgentException.invalid("cannot overwrite directory " + path + " with non-directory " + e.name(),
                            "remove the directory first or copy to another path");
                }
                if (!wasDir && isDir && options.noOverwriteDirNonDir()) {
                    throw AgentException.invalid("cannot overwrite non-directory " + path + " with directory " + e.name(),
                            "remove the file first or copy to another path");
                }
                if (!(wasDir && isDir)) {
                    delete(parent, name);
                }
            }
            long written = 0;
            switch (e.type()) {
                case DIRECTORY -> {
                    if (existing == null || !isDirectory(existing)) {
                        try {
                            Files.createDirectory(at);
                        } catch (FileAlreadyExistsException ignored) {
                            // made meanwhile: merged into as docker does
                        }
                    }
                }
                case FILE -> {
                    try (OutputStream out = Files.newOutputStream(at, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                        written = content.transferTo(out);
                    }
                }
                case SYMLINK -> Files.createSymbolicLink(at, Path.of(e.linkName()));
                case HARDLINK -> {
                    EntryPath target = parse(renamed(e.linkName(), options));
                    String targetPath = root;
                    for (String part : target.components()) {
                        targetPath = ContainerPaths.child(targetPath, part);
                    }
                    try (Located source = Located.find(space, targetPath, false)) {
                        Files.createLink(at, source.path());
                    }
                }
                default -> throw AgentException.invalid(e.name() + " is a device file or fifo, which cp does not create",
                        "leave it out of the archive");
            }
            setAttributes(at, e, options);
            return written;
        } catch (IOException ex) {
            throw Failures.of("cannot write " + path, ex);
        }
    }

    private static void setAttributes(Path at, TarEntry e, Options options) throws IOException {
        switch (options.ownership()) {
            case ARCHIVE -> {
                Files.setAttribute(at, "unix:uid", (int) e.uid(), NOFOLLOW);
                Files.setAttribute(at, "unix:gid", (int) e.gid(), NOFOLLOW);
            }
            case ROOT -> {
                Files.setAttribute(at, "unix:uid", 0, NOFOLLOW);
                Files.setAttribute(at, "unix:gid", 0, NOFOLLOW);
            }
            case UNCHANGED -> {
            }
        }
        if (e.type() == io.jcompose.image.tar.TarEntryType.SYMLINK) {
            return; // Linux has no mode on links; their time is set along with the rest below
        }
        // after the owner: a chown clears the setuid and setgid bits
        Files.setAttribute(at, "unix:mode", e.mode() & 07777, NOFOLLOW);
        if (e.type() != io.jcompose.image.tar.TarEntryType.DIRECTORY) {
            setTime(at, e);
        }
    }

    private static void setTime(Path at, TarEntry e) throws IOException {
        FileTime time = FileTime.from(java.time.Instant.ofEpochSecond(e.mtimeSeconds(), e.mtimeNanos()));
        Files.getFileAttributeView(at, BasicFileAttributeView.class, NOFOLLOW).setTimes(time, null, null);
    }

    /** Removes {@code name} of {@code parent}, a directory with everything in it, without following links. */
    private static void delete(Fd parent, String name) throws IOException {
        Path at = parent.child(name);
        Map<String, Object> a = attributes(at);
        if (a != null && isDirectory(a)) {
            try (Fd dir = parent.childDirectory(name)) {
                List<String> names = new ArrayList<>();
                try (DirectoryStream<Path> list = Files.newDirectoryStream(dir.path())) {
                    list.forEach(p -> names.add(p.getFileName().toString()));
                }
                for (String child : names) {
                    delete(dir, child);
                }
            }
        }
        Files.deleteIfExists(at);
    }

    private static Map<String, Object> attributes(Path at) throws IOException {
        try {
            return Files.readAttributes(at, "unix:mode", NOFOLLOW);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private static boolean isDirectory(Map<String, Object> a) {
        return FileKind.of((int) a.get("mode")) == FileKind.DIRECTORY;
    }

    private static String renamed(String name, Options options) {
        if (options.renameFrom() == null) {
            return name;
        }
        String trimmed = name.startsWith("./") && !options.renameFrom().equals(".") ? name.substring(2) : name;
        String from = options.renameFrom();
        if (trimmed.equals(from) || trimmed.equals(from + "/")) {
            return options.renameTo() + trimmed.substring(from.length());
        }
        if (trimmed.startsWith(from + "/")) {
            return options.renameTo() + trimmed.substring(from.length());
        }
        return name;
    }

    private static EntryPath parse(String name) {
        try {
            return EntryPath.parse(name, "archive entry");
        } catch (HostileLayerException e) {
            throw AgentException.invalid(e.getMessage(), "archive entries must be relative paths without ..");
        }
    }
}
