package io.jcompose.model.validation;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The schema validation of a compose file, remembered on disk once it passed: a command run again on an unchanged
 * file (the usual case) neither compiles the schema nor walks it — on a cold JVM that is ~15–35 ms of every command
 * that loads a project. An entry holds everything the validation sees (each node's kind, tag, position, key, value
 * and value type, after interpolation) and which jcompose build checked it, so any difference is a miss; only
 * successes are kept, with their warnings, which are reported again on a hit. Errors are never remembered: a file
 * that fails is validated, and reported, every time. Off (every file validated) until {@link #rememberIn} is called.
 */
public final class ValidatedFiles {
    /** Entries kept at most; past it, the least recently written half goes. */
    private static final int MAX_ENTRIES = 256;
    /** Where entries go, and the build that checks; null when off. */
    private record Store(Path directory, String build) {
    }

    private static volatile Store store;

    private ValidatedFiles() {
    }

    /** Remember successful validations in {@code dir} (made when needed); null turns it off. */
    public static void rememberIn(Path dir) {
        String build = dir == null ? null : build();
        store = build == null ? null : new Store(dir, build);
    }

    /** As {@link #rememberIn(Path)}, for a build named {@code build} (tests, whose classes are not in a jar). */
    static void rememberIn(Path dir, String build) {
        store = dir == null ? null : new Store(dir, build);
    }

    /** As {@link SchemaValidator#validate}, answered from the directory when this very tree passed before. */
    public static void validate(Node fileRoot, Consumer<String> warnings) {
        Store s = store;
        if (s == null) {
            SchemaValidator.load().validate(fileRoot, warnings);
            return;
        }
        Path dir = s.directory();
        StringBuilder key = new StringBuilder("jcompose validated 1\n").append(s.build()).append('\n');
        append(key, fileRoot, fileRoot.position().file());
        Path entry = dir.resolve(Long.toHexString(fnv(key)) + ".v");
        List<String> known = read(entry, key);
        if (known != null) {
            known.forEach(warnings);
            return;
        }
        List<String> seen = new ArrayList<>();
        SchemaValidator.load().validate(fileRoot, seen::add); // a violation throws: nothing is remembered
        seen.forEach(warnings);
        write(dir, entry, key, seen);
    }

    /** The jar the validator comes from, by path, size and time; null when it is not a jar (nothing remembered). */
    private static String build() {
        try {
            var source = SchemaValidator.class.getProtectionDomain().getCodeSource();
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            if (jar == null || !Files.isRegularFile(jar)) return null;
            return jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            return null;
        }
    }

    private static void append(StringBuilder b, Node node, String file) {
        // instanceof rather than a type switch: every switch site spins a class at run time that no startup cache
        // holds (docs/cli-startup.md); a node is a map, a sequence or a scalar
        b.append(node instanceof MapNode ? '{' : node instanceof SeqNode ? '[' : '=');
        text(b, String.valueOf(node.tag()));
        position(b, node.position(), file);
        if (node instanceof MapNode m) {
            for (String k : m.keys()) {
                text(b, k);
                position(b, m.keyPosition(k), file);
                append(b, m.get(k), file);
            }
            b.append('}');
        } else if (node instanceof SeqNode s) {
            for (Node item : s.items()) append(b, item, file);
            b.append(']');
        } else {
            Object v = ((ScalarNode) node).value();
            text(b, v == null ? "null" : v.getClass().getName());
            text(b, String.valueOf(v));
        }
    }

    private static void position(StringBuilder b, Position p, String file) {
        if (!p.file().equals(file)) text(b, p.file());
        b.append(p.line()).append(',').append(p.column()).append(';');
    }

    /** Length-prefixed, so no value can pass for structure. */
    private static void text(StringBuilder b, String s) {
        b.append(s.length()).append(':').append(s);
    }

    private static long fnv(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The warnings of the entry when it holds exactly {@code key}, else null. */
    private static List<String> read(Path entry, CharSequence key) {
        try {
            String content = Files.readString(entry, StandardCharsets.UTF_8);
            int newline = content.indexOf('\n');
            int length = Integer.parseInt(content.substring(0, newline));
            int end = newline + 1 + length;
            if (end > content.length() || !content.regionMatches(newline + 1, key.toString(), 0, length)
                    || length != key.length()) {
                return null;
            }
            String rest = content.substring(end);
            return rest.isEmpty() ? List.of() : List.of(rest.substring(1).split("\u0000", -1));
        } catch (IOException | RuntimeException e) {
            return null; // none yet, or unreadable: validate
        }
    }

    private static void write(Path dir, Path entry, CharSequence key, List<String> warnings) {
        StringBuilder content = new StringBuilder().append(key.length()).append('\n').append(key);
        for (String w : warnings) content.append('\u0000').append(w);
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "entry", ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            prune(dir);
        } catch (IOException | RuntimeException e) {
            // a read-only or full disk only means validating again next time
        }
    }

    private static void prune(Path dir) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(dir)) {
            entries = files.filter(p -> p.getFileName().toString().endsWith(".v")).toList();
        }
        if (entries.size() <= MAX_ENTRIES) return;
        List<Path> oldest = new ArrayList<>(entries);
        oldest.sort(Comparator.comparing(ValidatedFiles::written));
        for (Path p : oldest.subList(0, entries.size() / 2)) Files.deleteIfExists(p);
    }

    private static FileTime written(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
