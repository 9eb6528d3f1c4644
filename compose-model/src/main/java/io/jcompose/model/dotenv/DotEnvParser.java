package io.jcompose.model.dotenv;

import io.jcompose.model.ModelException;
import io.jcompose.model.interpolation.Template;
import io.jcompose.model.interpolation.TemplateException;
import io.jcompose.model.tree.Position;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads {@code .env} and {@code env_file} content the way docker compose does (compose-go's {@code dotenv}
 * package).
 *
 * <pre>
 * # a comment; blank lines are skipped
 * export HOST=db.local          # "export " is dropped; an unquoted value ends at " #" and is trimmed
 * PORT: 5432                    # the YAML-like "KEY: VALUE" is accepted as well
 * URL=postgres://${HOST}:$PORT  # unquoted and double-quoted values are interpolated
 * MOTD="two\nlines, a \"quote\" and \$HOME"   # escapes: \n \r \t \v \f \a \b \\ \" \$ \0NNN
 * CERT="-----BEGIN-----
 * ...
 * -----END-----"                # double and single quotes may span lines
 * RAW='$HOME stays, \n stays'   # single quotes: no interpolation, no escapes except \'
 * SHELL_ONLY                    # no "=": the value comes from the lookup; left out when unset
 * </pre>
 *
 * <p>A reference in a value is looked up first in {@code lookup} (the shell environment, and for a later
 * env file the files before it), then among the lines above it in this file. Keys may hold letters,
 * digits, {@code _ . - [ ]}. A leading UTF-8 byte order mark is skipped. Errors carry the file, line and
 * column.
 *
 * <p>Deliberate difference from compose-go: a bare {@code KEY} on the last line without a final newline is
 * read like any other bare key; compose-go stores the name as the value of an empty key instead.
 */
public final class DotEnvParser {
    private final String src;
    private final Function<String, String> lookup;
    private final Consumer<String> warnings;
    private final LinkedHashMap<String, String> out = new LinkedHashMap<>();
    private final SourceText text;
    private int pos;

    private DotEnvParser(String content, String file, Function<String, String> lookup, Consumer<String> warnings) {
        this.src = SourceText.withoutBom(content);
        this.lookup = Objects.requireNonNull(lookup);
        this.warnings = Objects.requireNonNull(warnings);
        this.text = new SourceText(src, file);
    }

    /** Parses env-file content; unset-variable warnings are dropped. */
    public static LinkedHashMap<String, String> parse(String content, String fileName,
            Function<String, String> lookup) {
        return parse(content, fileName, lookup, warning -> { });
    }

    /**
     * Parses env-file content.
     *
     * @param content  the file's text
     * @param fileName for error positions
     * @param lookup   variables outside this file; {@code null} means unset
     * @param warnings receives "variable is not set" warnings from interpolated values
     * @return the variables in the order of their first definition; a later line overrides an earlier one
     * @throws ModelException with the file, line and column of a malformed line or value
     */
    public static LinkedHashMap<String, String> parse(String content, String fileName,
            Function<String, String> lookup, Consumer<String> warnings) {
        return new DotEnvParser(content, fileName, lookup, warnings).run();
    }

    /**
     * Parses an env file declared with {@code format: raw}: the {@code docker run --env-file} syntax, where
     * every value is taken as written (see {@link RawFormat}).
     */
    public static LinkedHashMap<String, String> parseRaw(String content, String fileName,
            Function<String, String> lookup) {
        return RawFormat.parse(content, fileName, lookup);
    }

    private LinkedHashMap<String, String> run() {
        while (skipToStatement()) {
            statement();
        }
        return out;
    }

    /** Skips white space, line breaks and comment lines; false at the end of the input. */
    private boolean skipToStatement() {
        int n = src.length();
        while (true) {
            while (pos < n && SourceText.isUnicodeSpace(src.charAt(pos))) pos++;
            if (pos >= n) return false;
            if (src.charAt(pos) != '#') return true;
            int newline = src.indexOf('\n', pos);
            if (newline < 0) return false;
            pos = newline;
        }
    }

    private void statement() {
        skipExport();
        int keyStart = pos;
        int n = src.length();
        int i = pos;
        char terminator = '\n';
        while (i < n) {
            int cp = src.codePointAt(i);
            if (cp == '=' || cp == ':' || cp == '\n') {
                terminator = (char) cp;
                break;
            }
            if (!SourceText.isInlineSpace(cp) && !isKeyChar(cp)) {
                throw error(i, "unexpected character \"" + Character.toString(cp) + "\" in variable name "
                        + quoted(text.lineFrom(keyStart)),
                        "a variable name may hold letters, digits, '_', '.', '-', '[' and ']', followed by"
                                + " '=' and the value");
            }
            i += Character.charCount(cp);
        }
        String key = SourceText.trimEndUnicodeSpace(src.substring(keyStart, i));
        pos = Math.min(i + 1, n);
        int space = key.indexOf(' ');
        if (space >= 0) {
            throw error(keyStart + space, "key cannot contain a space: " + quoted(key),
                    "remove the space, or put the value after an '=': KEY=some value");
        }
        if (terminator == '\n') {
            String inherited = lookup.apply(key);
            if (inherited != null) out.put(key, inherited);
            return;
        }
        while (pos < n && SourceText.isInlineSpace(src.charAt(pos))) pos++;
        out.put(key, value());
    }

    /** Drops a leading {@code export} followed by white space, as a shell would. */
    private void skipExport() {
        int after = pos + "export".length();
        if (after < src.length() && src.startsWith("export", pos) && " \t\n\f\r".indexOf(src.charAt(after)) >= 0) {
            pos = after;
            while (pos < src.length() && SourceText.isInlineSpace(src.charAt(pos))) pos++;
        }
    }

    private String value() {
        int start = pos;
        char first = pos < src.length() ? src.charAt(pos) : 0;
        if (first == '"' || first == '\'') return quotedValue(first);
        int newline = src.indexOf('\n', pos);
        int end = newline < 0 ? src.length() : newline;
        String raw = src.substring(pos, end);
        pos = newline < 0 ? src.length() : newline + 1;
        int comment = raw.indexOf(" #");
        if (comment >= 0) raw = raw.substring(0, comment);
        return interpolate(SourceText.trimEndUnicodeSpace(raw), start);
    }

    /**
     * A quoted value. A backslash before the quote character keeps just the quote; before anything else
     * both are kept, for a double-quoted value's escapes to be read afterwards. What follows the closing
     * quote on the line is read as the next statement (usually nothing, or a comment).
     */
    private String quotedValue(char quote) {
        int open = pos;
        StringBuilder raw = new StringBuilder();
        boolean escaped = false;
        for (int i = open + 1; i < src.length(); i++) {
            char c = src.charAt(i);
            if (escaped) {
                escaped = false;
                if (c != quote) raw.append('\\');
                raw.append(c);
            } else if (c == '\\') {
                escaped = true;
            } else if (c == quote) {
                pos = i + 1;
                return quote == '\'' ? raw.toString() : interpolate(Escapes.expand(raw.toString()), open);
            } else {
                raw.append(c);
            }
        }
        throw error(open, "unterminated quoted value " + text.lineFrom(open),
                "add the closing " + quote + ", or write \\" + quote + " for a quote inside the value");
    }

    private String interpolate(String value, int at) {
        try {
            return Template.substitute(value, name -> {
                String outside = lookup.apply(name);
                return outside != null ? outside : out.get(name);
            }, warnings);
        } catch (TemplateException e) {
            throw error(at, e.getMessage(), e.fix());
        }
    }

    private ModelException error(int index, String problem, String fix) {
        Position position = text.position(index);
        return new ModelException(position, null, problem, fix);
    }

    private static boolean isKeyChar(int cp) {
        return cp == '_' || cp == '.' || cp == '-' || cp == '[' || cp == ']'
                || Character.isLetter(cp) || SourceText.isUnicodeNumber(cp);
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }
}
