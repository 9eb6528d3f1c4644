package io.jcompose.network.netns;

import io.jcompose.network.NetworkException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The mounts of the agent's mount namespace, from {@code /proc/self/mountinfo}. */
public final class MountTable {

    /** One mount: where it is, and its file system type ({@code nsfs} for a namespace file). */
    public record Mount(Path mountPoint, String type) {
    }

    private final Path mountinfo;

    public MountTable() {
        this(Path.of("/proc/self/mountinfo"));
    }

    MountTable(Path mountinfo) {
        this.mountinfo = mountinfo;
    }

    public List<Mount> read() {
        try {
            return parse(Files.readAllLines(mountinfo));
        } catch (IOException e) {
            throw NetworkException.failed("read " + mountinfo, e);
        }
    }

    public boolean isMountPoint(Path path) {
        return read().stream().anyMatch(m -> m.mountPoint().equals(path));
    }

    /** Namespace files mounted directly in {@code dir}. */
    public List<Path> namespacesIn(Path dir) {
        return read().stream()
                .filter(m -> m.type().equals("nsfs") && dir.equals(m.mountPoint().getParent()))
                .map(Mount::mountPoint).distinct().toList();
    }

    static List<Mount> parse(List<String> lines) {
        List<Mount> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            String[] fields = line.split(" ");
            int separator = List.of(fields).indexOf("-");
            if (fields.length < 5 || separator < 0 || separator + 1 >= fields.length) {
                continue;
            }
            out.add(new Mount(Path.of(unescape(fields[4])), fields[separator + 1]));
        }
        return out;
    }

    /** mountinfo writes space, tab, newline and backslash as three-digit octal escapes. */
    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length()) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
