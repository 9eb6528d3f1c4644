package io.jcompose.image.build.dockerfile;

import java.util.Arrays;

/**
 * The shell pattern of {@code ${V#pat}}, {@code ${V%pat}} and {@code ${V/pat/rep}}: {@code *} any run, {@code ?}
 * one character, a backslash quotes {@code * ? \}; no bracket expressions (Docker has none either). Matching
 * backtracks over a tiny token array instead of compiling a regex per expansion.
 */
final class Glob {
    private static final int STAR = -1;
    private static final int ANY = -2;
    /** Characters as ints; {@link #STAR} and {@link #ANY} are the wildcards. */
    private final int[] tokens;

    private Glob(int[] tokens) {
        this.tokens = tokens;
    }

    static Glob compile(String pattern, int line) {
        int[] out = new int[pattern.length()];
        int n = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> out[n++] = STAR;
                case '?' -> out[n++] = ANY;
                case '\\' -> {
                    if (i + 1 < pattern.length() && (pattern.charAt(i + 1) == '}' || pattern.charAt(i + 1) == '/')) {
                        continue; // the escape only kept } or / from ending the ${…}
                    }
                    if (i + 1 >= pattern.length() || "*?\\".indexOf(pattern.charAt(i + 1)) < 0) {
                        throw new DockerfileException(null, line, "invalid escape in pattern \"" + pattern + "\"",
                                "only \\*, \\? and \\\\ may be escaped in a ${…} pattern");
                    }
                    out[n++] = pattern.charAt(++i);
                }
                default -> out[n++] = c;
            }
        }
        return new Glob(Arrays.copyOf(out, n));
    }

    boolean matches(String s, int from, int to) {
        return match(0, s, from, to);
    }

    private boolean match(int t, String s, int i, int to) {
        while (t < tokens.length) {
            int tok = tokens[t];
            if (tok == STAR) {
                for (int k = to; k >= i; k--) {
                    if (match(t + 1, s, k, to)) {
                        return true;
                    }
                }
                return false;
            }
            if (i >= to || (tok != ANY && s.charAt(i) != tok)) {
                return false;
            }
            i++;
            t++;
        }
        return i == to;
    }

    /** {@code ${V#pat}} (shortest prefix) and {@code ${V##pat}} (longest). */
    String trimPrefix(String value, boolean longest) {
        int n = value.length();
        for (int k = 0; k <= n; k++) {
            int end = longest ? n - k : k;
            if (matches(value, 0, end)) {
                return value.substring(end);
            }
        }
        return value;
    }

    /** {@code ${V%pat}} (shortest suffix) and {@code ${V%%pat}} (longest). */
    String trimSuffix(String value, boolean longest) {
        int n = value.length();
        for (int k = 0; k <= n; k++) {
            int start = longest ? k : n - k;
            if (matches(value, start, n)) {
                return value.substring(0, start);
            }
        }
        return value;
    }

    /** {@code ${V/pat/rep}} (first match) and {@code ${V//pat/rep}} (all): leftmost, then longest. */
    String replace(String value, String replacement, boolean all) {
        int n = value.length();
        StringBuilder out = new StringBuilder(n + replacement.length());
        int i = 0;
        boolean replaced = false;
        while (i <= n) {
            int end = (replaced && !all) ? -1 : longestMatchAt(value, i);
            if (end < 0) {
                if (i < n) {
                    out.append(value.charAt(i));
                }
                i++;
                continue;
            }
            out.append(replacement);
            replaced = true;
            if (end == i) { // an empty match: keep the character and move on, as regex replacement does
                if (i < n) {
                    out.append(value.charAt(i));
                }
                i++;
            } else {
                i = end;
            }
        }
        return out.toString();
    }

    private int longestMatchAt(String value, int start) {
        for (int end = value.length(); end >= start; end--) {
            if (matches(value, start, end)) {
                return end;
            }
        }
        return -1;
    }
}
