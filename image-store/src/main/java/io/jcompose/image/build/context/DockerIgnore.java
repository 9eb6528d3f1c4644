package io.jcompose.image.build.context;

import io.jcompose.image.build.BuildException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a {@code .dockerignore} file, read and matched as Docker (moby's ignorefile and
 * patternmatcher) does:
 * <ul>
 *   <li>a line starting with {@code #} is a comment; blank lines are skipped; other lines are trimmed;</li>
 *   <li>{@code !} before a pattern makes it an exception that re-includes what it matches;</li>
 *   <li>each pattern is cleaned like Go's {@code filepath.Clean} ({@code ./}, {@code //}, trailing
 *       {@code /}, {@code ..}) and loses one leading {@code /}: patterns are relative to the context root;</li>
 *   <li>patterns use {@code filepath.Match} syntax, plus {@code **} for any number of directories;</li>
 *   <li>a path is excluded when it or one of its parent directories matches; the last pattern that
 *       decides wins, so {@code !} lines can re-include files below an excluded directory.</li>
 * </ul>
 */
public final class DockerIgnore {
    private static final DockerIgnore NONE = new DockerIgnore(List.of());

    private final List<Rule> rules;
    private final boolean hasExceptions;

    private DockerIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.hasExceptions = rules.stream().anyMatch(Rule::exception);
    }

    /** One cleaned pattern, its segments (to decide whether a directory may hold re-included files) and its regex. */
    private record Rule(String pattern, boolean exception, Pattern regex, String[] segments) {
    }

    /** Nothing excluded. */
    public static DockerIgnore none() {
        return NONE;
    }

    public static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.startsWith("#")) continue;
            line = line.strip();
            if (line.isEmpty()) continue;
            boolean exception = line.charAt(0) == '!';
            if (exception) line = line.substring(1).strip();
            if (line.isEmpty()) {
                throw new BuildException(".dockerignore line " + (i + 1) + ": \"!\" without a pattern",
                        "write the pattern to re-include after the \"!\", or remove the line");
            }
            String pattern = Glob.clean(line);
            if (pattern.length() > 1 && pattern.charAt(0) == '/') pattern = pattern.substring(1);
            rules.add(new Rule(pattern, exception, Glob.compile(pattern, true), pattern.split("/")));
        }
        return rules.isEmpty() ? NONE : new DockerIgnore(rules);
    }

    /** {@code <dockerfile>.dockerignore} beside the Dockerfile wins over {@code <context>/.dockerignore} (Docker's rule). */
    public static DockerIgnore forContext(Path context, Path dockerfile) {
        if (dockerfile != null) {
            Path beside = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
            String text = read(beside);
            if (text != null) return parse(text);
        }
        String text = read(context.resolve(".dockerignore"));
        return text == null ? NONE : parse(text);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new BuildException("cannot read " + file + ": " + e.getMessage(), "check the file's permissions");
        }
    }

    /** Whether the context entry at {@code relativePath} (slash-separated, no leading "./") is left out. */
    public boolean excluded(String relativePath) {
        if (rules.isEmpty()) return false;
        boolean matched = false;
        for (Rule rule : rules) {
            // an include rule only matters while not excluded, an exception only once excluded
            if (rule.exception() != matched) continue;
            if (matchesOrParentMatches(rule.regex(), relativePath)) matched = !rule.exception();
        }
        return matched;
    }

    private static boolean matchesOrParentMatches(Pattern regex, String path) {
        if (regex.matcher(path).matches()) return true;
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (regex.matcher(path.substring(0, slash)).matches()) return true;
        }
        return false;
    }

    /**
     * Whether an excluded directory may still hold files a {@code !} rule re-includes, so a walk must
     * look inside it. Errs towards yes: a wrong yes costs a walk, a wrong no would lose files.
     */
    public boolean mayReinclude(String directory) {
        if (!hasExceptions) return false;
        String[] dir = directory.split("/");
        for (Rule rule : rules) {
            if (rule.exception() && couldMatchBelow(rule.segments(), dir)) return true;
        }
        return false;
    }

    private static boolean couldMatchBelow(String[] pattern, String[] dir) {
        for (int i = 0; i < dir.length; i++) {
            if (i >= pattern.length) return true; // the pattern names a parent: it decides for everything below
            String segment = pattern[i];
            if (segment.contains("**")) return true;
            if (!Glob.hasWildcards(segment)) {
                if (!Glob.unescape(segment).equals(dir[i])) return false;
            } else if (!Glob.compile(segment, false).matcher(dir[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Whether there are no rules at all. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
