package io.jcompose.image.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The exec form {@code ["a", "b"]}: a JSON array of strings. A small hand parser keeps JSON libraries off the
 * build path. As in Docker, text that is not a JSON array is shell form ({@link #parse} returns null), while a
 * valid array holding something other than strings is an error.
 */
final class JsonArray {
    /** Thrown for a JSON array with a non-string element. */
    static final class NotStrings extends RuntimeException {
        NotStrings() {
            super(null, null, false, false);
        }
    }

    private final String s;
    private int pos;

    private JsonArray(String s) {
        this.s = s;
    }

    /** The strings of {@code text} if it is a JSON array of strings, null if it is not JSON at all. */
    static List<String> parse(String text) {
        if (text.isEmpty() || text.charAt(0) != '[') {
            return null;
        }
        return new JsonArray(text).array();
    }

    private List<String> array() {
        pos = 1;
        List<String> out = new ArrayList<>();
        boolean nonString = false;
        space();
        if (peek() == ']') {
            pos++;
            return end() ? out : null;
        }
        while (true) {
            space();
            if (peek() == '"') {
                String str = string();
                if (str == null) {
                    return null;
                }
                out.add(str);
            } else if (literal()) {
                nonString = true;
            } else {
                return null;
            }
            space();
            char c = peek();
            pos++;
            if (c == ']') {
                break;
            }
            if (c != ',') {
                return null;
            }
        }
        if (!end()) {
            return null;
        }
        if (nonString) {
            throw new NotStrings();
        }
        return out;
    }

    private boolean end() {
        space();
        return pos >= s.length();
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    private void space() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** A number, true, false or null: valid JSON, but not a string. */
    private boolean literal() {
        for (String word : new String[] {"true", "false", "null"}) {
            if (s.startsWith(word, pos)) {
                pos += word.length();
                return true;
            }
        }
        int start = pos;
        while (pos < s.length() && "+-.eE0123456789".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        return pos > start;
    }

    private String string() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                return null;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= s.length()) {
                return null;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        return null;
                    }
                    try {
                        out.append((char) Integer.parseInt(s, pos, pos + 4, 16));
                    } catch (NumberFormatException bad) {
                        return null;
                    }
                    pos += 4;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }
}
