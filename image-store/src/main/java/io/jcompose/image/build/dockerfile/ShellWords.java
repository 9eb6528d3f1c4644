package io.jcompose.image.build.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Docker's word processing for the instructions the builder expands (FROM, COPY, ADD, ENV, LABEL, ARG, EXPOSE,
 * VOLUME, WORKDIR, USER, STOPSIGNAL): {@code $VAR} and {@code ${VAR}}, the modifiers {@code -  :-  +  :+  ?  :?
 * #  ##  %  %%  /  //}, single quotes (literal), double quotes (only {@code $}, the escape character and
 * {@code "} stay special) and the escape character. Quotes are removed. Unlike a shell there is no command
 * substitution, arithmetic or field splitting. One instance processes one word.
 */
final class ShellWords {
    private final String word;
    private final Function<String, String> lookup;
    private final char escape;
    private final int line;
    /** Heredoc bodies: quotes are ordinary characters there, only {@code $} and the escape are special. */
    private final boolean keepQuotes;
    private int pos;
    /** Inside {@code ${V#…}}, {@code ${V%…}} and {@code ${V/…}} the escape is kept for the pattern matcher. */
    private boolean rawEscapes;

    private ShellWords(String word, Function<String, String> lookup, char escape, int line, boolean keepQuotes) {
        this.word = word;
        this.lookup = lookup;
        this.escape = escape;
        this.line = line;
        this.keepQuotes = keepQuotes;
    }

    /** The word expanded; {@code line} is used for errors. */
    static String expand(String word, Function<String, String> lookup, char escape, int line) {
        if (plain(word, escape)) {
            return word;
        }
        return new ShellWords(word, lookup, escape, line, false).until((char) 0, false);
    }

    /** A heredoc body: variables and escapes processed, quotes left as they are. */
    static String expandKeepingQuotes(String text, Function<String, String> lookup, int line) {
        if (plain(text, '\\')) {
            return text;
        }
        return new ShellWords(text, lookup, '\\', line, true).until((char) 0, false);
    }

    static String expandNullable(String word, Function<String, String> lookup, char escape, int line) {
        return word == null ? null : expand(word, lookup, escape, line);
    }

    static List<String> expandAll(List<String> words, Function<String, String> lookup, char escape, int line) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            out.add(expand(w, lookup, escape, line));
        }
        return out;
    }

    static List<KeyValue> expandPairs(List<KeyValue> pairs, Function<String, String> lookup, char escape, int line) {
        List<KeyValue> out = new ArrayList<>(pairs.size());
        for (KeyValue kv : pairs) {
            out.add(new KeyValue(expand(kv.key(), lookup, escape, line), expand(kv.value(), lookup, escape, line)));
        }
        return out;
    }

    /** Most words have nothing to process; they skip the scanner entirely. */
    private static boolean plain(String word, char escape) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '$' || c == '\'' || c == '"' || c == escape) {
                return false;
            }
        }
        return true;
    }

    private boolean atEnd() {
        return pos >= word.length();
    }

    /** Processes up to {@code stop} (consumed; 0 = end of word). */
    private String until(char stop, boolean raw) {
        boolean saved = rawEscapes;
        rawEscapes = raw;
        try {
            StringBuilder out = new StringBuilder(word.length());
            while (!atEnd()) {
                char c = word.charAt(pos);
                if (stop != 0 && c == stop) {
                    pos++;
                    return out.toString();
                }
                switch (keepQuotes && c != '$' ? 0 : c) {
                    case '$' -> out.append(dollar());
                    case '\'' -> out.append(singleQuoted());
                    case '"' -> out.append(doubleQuoted());
                    default -> {
                        pos++;
                        if (c == escape) {
                            if (rawEscapes) {
                                out.append(c);
                            }
                            if (atEnd()) {
                                break;
                            }
                            c = word.charAt(pos++);
                        }
                        out.append(c);
                    }
                }
            }
            if (stop != 0) {
                throw error("unexpected end of word while looking for a matching " + stop,
                        "close it, or escape the characters meant literally with " + escape);
            }
            return out.toString();
        } finally {
            rawEscapes = saved;
        }
    }

    /** Everything up to the next single quote is literal; a single quote cannot be escaped inside. */
    private String singleQuoted() {
        int start = ++pos;
        int end = word.indexOf('\'', start);
        if (end < 0) {
            throw error("unterminated single quote in " + quote(word), "add the closing ' (or escape the quote)");
        }
        pos = end + 1;
        return word.substring(start, end);
    }

    private String doubleQuoted() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("unterminated double quote in " + quote(word), "add the closing \" (or escape the quote)");
            }
            char c = word.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c == '$') {
                out.append(dollar());
                continue;
            }
            pos++;
            if (c == escape) {
                if (rawEscapes) {
                    out.append(c);
                }
                if (atEnd()) {
                    continue;
                }
                char next = word.charAt(pos);
                // Inside double quotes only ", $ and the escape itself are escapable; elsewhere it stays.
                if (next == '"' || next == '$' || next == escape) {
                    c = next;
                    pos++;
                }
            }
            out.append(c);
        }
    }

    private String dollar() {
        pos++;
        if (atEnd() || word.charAt(pos) != '{') {
            String name = name();
            if (name.isEmpty()) {
                return "$";
            }
            String value = lookup.apply(name);
            return value == null ? "" : value;
        }
        pos++;
        if (atEnd()) {
            throw missingBrace();
        }
        char first = word.charAt(pos);
        if (first == '{' || first == '}' || first == ':') {
            throw error("bad substitution in " + quote(word), "write ${NAME} or ${NAME:-default}");
        }
        String name = name();
        if (atEnd()) {
            throw missingBrace();
        }
        char op = word.charAt(pos++);
        String modifier = String.valueOf(op);
        boolean emptyIsUnset = false;
        if (op == '}') {
            String value = lookup.apply(name);
            return value == null ? "" : value;
        }
        if (op == ':') {
            emptyIsUnset = true;
            if (atEnd()) {
                throw missingBrace();
            }
            op = word.charAt(pos++);
            modifier += op;
        }
        return switch (op) {
            case '-', '+', '?', '#', '%' -> modified(name, op, emptyIsUnset);
            case '/' -> {
                if (emptyIsUnset) {
                    throw unsupported(modifier);
                }
                yield replaced(name);
            }
            default -> throw unsupported(modifier);
        };
    }

    private String modified(String name, char op, boolean emptyIsUnset) {
        String arg = operand('}', op == '#' || op == '%');
        String value = lookup.apply(name);
        boolean unset = value == null || (emptyIsUnset && value.isEmpty());
        switch (op) {
            case '-':
                return unset ? arg : value;
            case '+':
                return unset ? "" : arg;
            case '?':
                if (value == null || (emptyIsUnset && value.isEmpty())) {
                    String why = !arg.isEmpty() ? arg : value == null ? "is not allowed to be unset" : "is not allowed to be empty";
                    throw error(name + ": " + why, "pass --build-arg " + name + "=… or set it with ARG/ENV");
                }
                return value;
            default:
                String v = value == null ? "" : value;
                boolean longest = !arg.isEmpty() && arg.charAt(0) == op;
                Glob glob = Glob.compile(longest ? arg.substring(1) : arg, line);
                return op == '#' ? glob.trimPrefix(v, longest) : glob.trimSuffix(v, longest);
        }
    }

    private String replaced(String name) {
        boolean all = !atEnd() && word.charAt(pos) == '/';
        if (all) {
            pos++;
        }
        String pattern = operand('/', true);
        String replacement = operand('}', true);
        String value = lookup.apply(name);
        return Glob.compile(pattern, line).replace(value == null ? "" : value, replacement, all);
    }

    private String operand(char stop, boolean raw) {
        try {
            return until(stop, raw);
        } catch (DockerfileException e) {
            if (atEnd()) {
                throw stop == '}' ? missingBrace() : error("missing '/' in ${} of " + quote(word), "write ${NAME/pattern/replacement}");
            }
            throw e;
        }
    }

    /** A variable name: letters, digits, '_'; or a run of digits; or one special parameter character. */
    private String name() {
        int start = pos;
        if (!atEnd()) {
            char c = word.charAt(pos);
            if (Character.isDigit(c)) {
                while (!atEnd() && Character.isDigit(word.charAt(pos))) {
                    pos++;
                }
                return word.substring(start, pos);
            }
            if ("@*#?-$!0".indexOf(c) >= 0) {
                pos++;
                return String.valueOf(c);
            }
        }
        while (!atEnd()) {
            char c = word.charAt(pos);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                break;
            }
            pos++;
        }
        return word.substring(start, pos);
    }

    private DockerfileException missingBrace() {
        return error("missing '}' in " + quote(word), "close the ${…} with }");
    }

    private DockerfileException unsupported(String modifier) {
        return error("unsupported modifier (" + modifier + ") in substitution in " + quote(word),
                "use one of :- - :+ + :? ? # ## % %% / //");
    }

    private DockerfileException error(String problem, String fix) {
        return new DockerfileException(null, line, problem, fix);
    }

    private static String quote(String s) {
        return '"' + s + '"';
    }
}
