package io.jcompose.image.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Finding heredoc markers in an instruction: the line is split into words (whitespace outside quotes splits,
 * quotes and backslashes kept), and a word that starts with {@code <<} or {@code <<-} (optionally after a file
 * descriptor number) followed by a name is a marker. A quoted name ({@code <<"EOF"}, {@code <<'EOF'},
 * {@code <<E"O"F}) turns expansion of the body off.
 */
final class HeredocWords {
    record Marker(String name, boolean expand, boolean chomp) {}

    private HeredocWords() {
    }

    /** Whitespace-separated words of {@code text}, quoted runs kept together and quotes kept. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            word.append(c);
            if (c == '\\' && quote != '\'' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }

    /** The marker {@code word} is, or null. */
    static Marker marker(String word) {
        int i = 0;
        while (i < word.length() && Character.isDigit(word.charAt(i))) {
            i++;
        }
        if (!word.startsWith("<<", i)) {
            return null;
        }
        i += 2;
        boolean chomp = i < word.length() && word.charAt(i) == '-';
        if (chomp) {
            i++;
        }
        String rest = word.substring(i);
        if (rest.isEmpty() || rest.indexOf('<') >= 0) {
            return null;
        }
        String name;
        try {
            name = ShellWords.expand(rest, v -> null, '\\', 0);
        } catch (DockerfileException malformed) {
            return null;
        }
        if (name.isEmpty()) {
            return null;
        }
        boolean expand = quotes(name) == quotes(rest);
        return new Marker(name, expand, chomp);
    }

    private static int quotes(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                n++;
            }
        }
        return n;
    }
}
