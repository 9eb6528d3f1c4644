package io.jcompose.model.dotenv;

/**
 * The backslash escapes of a double-quoted env value: the XSI {@code echo} set compose-go recognises.
 *
 * <p>{@code \a \b \f \n \r \t \v \\ \"} become their characters; {@code \$} becomes {@code $$} so that the
 * interpolation that follows leaves a literal {@code $}; {@code \0} with up to three digits is an octal
 * byte ({@code \0123} is "S") when it is exactly three octal digits up to 377, and otherwise loses its
 * {@code 0} as compose-go's rewrite does. Any other backslash ({@code \x41}, {@code \c}, {@code \q})
 * is kept with the character after it.
 */
final class Escapes {
    private Escapes() {
    }

    static String expand(String raw) {
        if (raw.indexOf('\\') < 0) return raw;
        StringBuilder out = new StringBuilder(raw.length());
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.append(c);
                continue;
            }
            char e = raw.charAt(i + 1);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000B');
                case '\\' -> out.append('\\');
                case '"' -> out.append('"');
                case '$' -> out.append("$$");
                case 'c' -> out.append("\\c");
                case '0' -> {
                    i = octal(raw, i + 2, out) - 1;
                    continue;
                }
                default -> {
                    out.append(c);
                    continue;
                }
            }
            i++;
        }
        return out.toString();
    }

    /** Reads up to three digits from {@code from}; returns the index after them. */
    private static int octal(String raw, int from, StringBuilder out) {
        int end = from;
        while (end < raw.length() && end - from < 3 && raw.charAt(end) >= '0' && raw.charAt(end) <= '9') end++;
        String digits = raw.substring(from, end);
        int value = -1;
        if (digits.length() == 3 && digits.chars().allMatch(d -> d <= '7')) {
            value = Integer.parseInt(digits, 8);
        }
        if (value >= 0 && value <= 255) {
            out.append((char) value);
        } else {
            out.append('\\').append(digits);
        }
        return end;
    }
}
