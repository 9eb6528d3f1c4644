package io.jcompose.image.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns Dockerfile text into logical lines: parser directives read (only at the very top, before any other
 * line), comments dropped (also between continuation lines), continuation lines joined (an escape character
 * at the end of a line, trailing blanks allowed; blank continuation lines skipped), and the heredoc bodies of
 * RUN, COPY and ADD collected from the lines that follow them.
 */
final class LineReader {
    /** One instruction's text with its first line number and heredocs. */
    record Logical(int line, String text, Keyword keyword, List<Heredoc> heredocs) {}

    record Result(char escape, List<Logical> lines) {}

    private final String source;
    private final String[] lines;
    private int next;
    private char escape = '\\';
    private boolean directivesDone;
    private boolean sawEscape;
    private boolean sawSyntax;
    private boolean sawCheck;

    private LineReader(String source, String text) {
        this.source = source;
        this.lines = text.split("\n", -1);
        if (lines.length > 0 && !lines[0].isEmpty() && lines[0].charAt(0) == '\uFEFF') {
            lines[0] = lines[0].substring(1);
        }
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (!l.isEmpty() && l.charAt(l.length() - 1) == '\r') {
                lines[i] = l.substring(0, l.length() - 1);
            }
        }
    }

    static Result read(String text, String source) {
        LineReader reader = new LineReader(source, text);
        List<Logical> out = new ArrayList<>();
        Logical l;
        while ((l = reader.nextLogical()) != null) {
            out.add(l);
        }
        return new Result(reader.escape, out);
    }

    private Logical nextLogical() {
        while (next < lines.length) {
            int lineNo = next + 1;
            String first = stripLeading(lines[next++]);
            directive(first, lineNo);
            if (first.isEmpty() || first.charAt(0) == '#') {
                continue;
            }
            StringBuilder joined = new StringBuilder(first.length());
            boolean continued = appendTrimmingContinuation(joined, first);
            while (continued && next < lines.length) {
                String raw = lines[next++];
                String trimmed = stripLeading(raw);
                if (trimmed.isEmpty() || trimmed.charAt(0) == '#') {
                    continue; // comments and blank lines inside a continued instruction are skipped
                }
                continued = appendTrimmingContinuation(joined, raw);
            }
            String text = joined.toString().strip();
            if (text.isEmpty()) {
                continue;
            }
            Keyword keyword = Keyword.of(firstWord(text));
            List<Heredoc> heredocs = keyword != null && keyword.takesHeredocs() ? heredocs(text, lineNo) : List.of();
            return new Logical(lineNo, text, keyword, heredocs);
        }
        return null;
    }

    /** Appends {@code line} minus a trailing escape (and blanks after it); true when the line continues. */
    private boolean appendTrimmingContinuation(StringBuilder out, String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == escape) {
            out.append(line, 0, end - 1);
            return true;
        }
        out.append(line);
        return false;
    }

    /**
     * A parser directive is {@code # name=value} on one of the first lines; the first line that is not one
     * (blank lines and ordinary comments included) ends them. Unknown names end them too (they are comments).
     */
    private void directive(String line, int lineNo) {
        if (directivesDone) {
            return;
        }
        int n = line.length();
        int pos = 1;
        if (n == 0 || line.charAt(0) != '#') {
            directivesDone = true;
            return;
        }
        while (pos < n && Character.isWhitespace(line.charAt(pos))) {
            pos++;
        }
        int nameStart = pos;
        while (pos < n && Character.isLetterOrDigit(line.charAt(pos)) && line.charAt(pos) < 128) {
            pos++;
        }
        String name = line.substring(nameStart, pos);
        while (pos < n && Character.isWhitespace(line.charAt(pos))) {
            pos++;
        }
        String value = pos < n && line.charAt(pos) == '=' ? line.substring(pos + 1).strip() : null;
        if (name.isEmpty() || !Character.isLetter(name.charAt(0)) || value == null || value.isEmpty()) {
            directivesDone = true;
            return;
        }
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "escape" -> {
                sawEscape = once(sawEscape, "escape", lineNo);
                if (!value.equals("\\") && !value.equals("`")) {
                    throw new DockerfileException(source, lineNo, "invalid escape character '" + value + "'",
                            "write # escape=\\ or # escape=`");
                }
                escape = value.charAt(0);
            }
            case "syntax" -> sawSyntax = once(sawSyntax, "syntax", lineNo);
            case "check" -> sawCheck = once(sawCheck, "check", lineNo);
            default -> directivesDone = true;
        }
    }

    private boolean once(boolean seen, String name, int lineNo) {
        if (seen) {
            throw new DockerfileException(source, lineNo, "the " + name + " parser directive is given twice",
                    "keep one # " + name + "= line");
        }
        return true;
    }

    /** The heredocs the instruction names, with their bodies read from the lines after it. */
    private List<Heredoc> heredocs(String text, int lineNo) {
        if (text.indexOf("<<") < 0) {
            return List.of();
        }
        List<Heredoc> out = new ArrayList<>(1);
        for (String word : HeredocWords.words(text)) {
            HeredocWords.Marker marker = HeredocWords.marker(word);
            if (marker == null) {
                continue;
            }
            StringBuilder body = new StringBuilder();
            boolean closed = false;
            while (next < lines.length) {
                String raw = lines[next++];
                String candidate = marker.chomp() ? stripTabs(raw) : raw;
                if (candidate.equals(marker.name())) {
                    closed = true;
                    break;
                }
                body.append(marker.chomp() ? stripTabs(raw) : raw).append('\n');
            }
            if (!closed) {
                throw new DockerfileException(source, lineNo, "heredoc <<" + marker.name() + " is never closed",
                        "end it with a line holding only " + marker.name());
            }
            out.add(new Heredoc(marker.name(), body.toString(), marker.expand(), marker.chomp()));
        }
        return out;
    }

    private static String stripTabs(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\t') {
            i++;
        }
        return s.substring(i);
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i == 0 ? s : s.substring(i);
    }

    static String firstWord(String text) {
        int i = 0;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return text.substring(0, i);
    }
}
