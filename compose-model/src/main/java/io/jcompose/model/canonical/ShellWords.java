package io.jcompose.model.canonical;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code command}/{@code entrypoint} string the way compose-go does, with
 * {@code mattn/go-shellwords} and neither environment nor backtick expansion: blanks separate words,
 * quotes group, a backslash escapes (and turns {@code \t}, {@code \n} into tab and newline), and an
 * unquoted {@code ; & | < >} ends the command — the rest of the string is dropped, which
 * {@link #truncatedAt()} reports so the caller can warn.
 */
final class ShellWords {
    private final List<String> words;
    private final int truncatedAt;

    private ShellWords(List<String> words, int truncatedAt) {
        this.words = words;
        this.truncatedAt = truncatedAt;
    }

    List<String> words() {
        return words;
    }

    /** Index of the operator where parsing stopped, or -1 when the whole line was read. */
    int truncatedAt() {
        return truncatedAt;
    }

    static ShellWords parse(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        boolean escaped = false;
        boolean doubleQuoted = false;
        boolean singleQuoted = false;
        boolean backQuote = false;
        boolean dollarQuote = false;
        boolean got = false;
        int pos = -1;
        int i = -1;
        loop:
        for (int k = 0; k < line.length(); ) {
            int r = line.codePointAt(k);
            k += Character.charCount(r);
            i++;
            if (escaped) {
                escaped = false;
                if (backQuote || dollarQuote) {
                    buf.append('\\').appendCodePoint(r);
                } else {
                    buf.appendCodePoint(r == 't' ? '\t' : r == 'n' ? '\n' : r);
                }
                got = true;
                continue;
            }
            if (r == '\\') {
                if (singleQuoted) buf.append('\\');
                else escaped = true;
                continue;
            }
            if (r == ' ' || r == '\t' || r == '\r' || r == '\n') {
                if (singleQuoted || doubleQuoted || backQuote || dollarQuote) {
                    buf.appendCodePoint(r);
                } else if (got) {
                    args.add(buf.toString());
                    buf.setLength(0);
                    got = false;
                }
                continue;
            }
            switch (r) {
                case '`' -> {
                    if (!singleQuoted && !doubleQuoted && !dollarQuote) backQuote = !backQuote;
                }
                case ')' -> {
                    if (!singleQuoted && !doubleQuoted && !backQuote) {
                        if (!dollarQuote) throw new IllegalArgumentException("invalid command line string");
                        buf.append(')');
                        dollarQuote = false;
                        got = true;
                        continue;
                    }
                }
                case '(' -> {
                    if (!singleQuoted && !doubleQuoted && !backQuote) {
                        String b = buf.toString();
                        if (!dollarQuote && b.endsWith("$") && !b.endsWith("\\$")) {
                            dollarQuote = true;
                            buf.append('(');
                            continue;
                        }
                        throw new IllegalArgumentException("invalid command line string");
                    }
                }
                case '"' -> {
                    if (!singleQuoted && !dollarQuote && !backQuote) {
                        if (doubleQuoted) got = true;
                        doubleQuoted = !doubleQuoted;
                        continue;
                    }
                }
                case '\'' -> {
                    if (!doubleQuoted && !dollarQuote && !backQuote) {
                        if (singleQuoted) got = true;
                        singleQuoted = !singleQuoted;
                        continue;
                    }
                }
                case ';', '&', '|', '<', '>' -> {
                    if (!(singleQuoted || doubleQuoted || backQuote || dollarQuote)) {
                        if (r == '>' && !buf.isEmpty() && buf.chars().allMatch(Character::isDigit)) {
                            // "2>&1": the file descriptor belongs to the redirection, not to the words
                            i -= buf.length();
                            got = false;
                        }
                        pos = i;
                        break loop;
                    }
                }
                default -> { }
            }
            got = true;
            buf.appendCodePoint(r);
        }
        if (got) args.add(buf.toString());
        if (escaped || singleQuoted || doubleQuoted || backQuote || dollarQuote) {
            throw new IllegalArgumentException("invalid command line string");
        }
        return new ShellWords(List.copyOf(args), pos);
    }
}
