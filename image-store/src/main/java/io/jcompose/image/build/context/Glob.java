package io.jcompose.image.build.context;

import io.jcompose.image.build.BuildException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Go's {@code filepath.Match} syntax ({@code *}, {@code ?}, {@code [...]} with {@code ^} negation and
 * ranges, {@code \} escapes), translated once into a Java regular expression. With {@code doubleStar},
 * {@code **} also spans directories, as moby's patternmatcher reads it for {@code .dockerignore}:
 * {@code **}{@code /} matches any number (even none) of leading directories, a trailing {@code **}
 * anything at all.
 */
final class Glob {
    private Glob() {
    }

    /** Whether {@code text} holds an unescaped wildcard character. */
    static boolean hasWildcards(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '*', '?', '[' -> {
                    return true;
                }
                case '\\' -> i++;
                default -> {
                }
            }
        }
        return false;
    }

    /** A literal segment with its escapes removed ({@code a\*b} names the file {@code a*b}). */
    static String unescape(String text) {
        if (text.indexOf('\\') < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) c = text.charAt(++i);
            out.append(c);
        }
        return out.toString();
    }

    static Pattern compile(String glob, boolean doubleStar) {
        return Pattern.compile(regex(glob, doubleStar), Pattern.DOTALL);
    }

    static String regex(String glob, boolean doubleStar) {
        StringBuilder re = new StringBuilder(glob.length() * 2 + 8).append('^');
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (doubleStar && i + 1 < n && glob.charAt(i + 1) == '*') {
                        i++;
                        if (i + 1 < n && glob.charAt(i + 1) == '/') i++;
                        re.append(i + 1 >= n ? ".*" : "(?:.*/)?");
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> i = characterClass(glob, i, re);
                case '\\' -> {
                    if (i + 1 < n) c = glob.charAt(++i);
                    literal(c, re);
                }
                default -> literal(c, re);
            }
        }
        return re.append('$').toString();
    }

    /** Copies the class starting at {@code start} (the '['); returns the index of its ']'. */
    private static int characterClass(String glob, int start, StringBuilder re) {
        int i = start + 1;
        int n = glob.length();
        re.append('[');
        if (i < n && glob.charAt(i) == '^') {
            re.append('^');
            i++;
        }
        int members = 0;
        for (; i < n; i++) {
            char c = glob.charAt(i);
            if (c == ']' && members > 0) {
                re.append(']');
                return i;
            }
            if (c == '\\') {
                if (++i >= n) break;
                c = glob.charAt(i);
            } else if (c == '-' && members > 0 && i + 1 < n && glob.charAt(i + 1) != ']') {
                re.append('-');
                continue;
            }
            if (Character.isLetterOrDigit(c)) re.append(c);
            else re.append('\\').append(c);
            members++;
        }
        throw new BuildException("bad pattern \"" + glob + "\": unterminated or empty character class",
                "close the [...] class, or escape a literal '[' as \\[");
    }

    private static void literal(char c, StringBuilder re) {
        if (Character.isLetterOrDigit(c) || c == '/' || c > 0x7f) re.append(c);
        else re.append('\\').append(c);
    }

    /**
     * Go's {@code path.Clean} on a slash-separated path: repeated slashes and {@code .} removed,
     * {@code ..} folded into its parent (at the root of a rooted path it vanishes, in a relative
     * path it is kept), no trailing slash, {@code "."} for nothing.
     */
    static String clean(String path) {
        boolean rooted = path.startsWith("/");
        List<String> out = new ArrayList<>();
        int leadingUps = 0;
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (out.size() > leadingUps) out.removeLast();
                else if (!rooted) {
                    out.add("..");
                    leadingUps++;
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) return "/" + joined;
        return joined.isEmpty() ? "." : joined;
    }
}
