package io.jcompose.model.project;

/**
 * Byte sizes as docker reads them ({@code go-units RAMInBytes}): a plain integer (negative allowed, for
 * {@code memswap_limit: -1}), or a decimal number, an optional space and an optional binary unit
 * {@code b}, {@code k}/{@code kb}/{@code kib}, {@code m}..., {@code g}, {@code t}, {@code p}, any case.
 * {@code 1.5g} is {@code 1610612736}. Hand-written so the load path compiles no regex.
 */
public final class ByteSize {
    private ByteSize() {
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    public static long parse(String text) {
        String s = text.strip();
        if (isInteger(s)) {
            try {
                return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("byte size \"" + text + "\" is out of range");
            }
        }
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128)) i++;
        if (i == 0) throw invalid(text);
        if (i < s.length() && s.charAt(i) == '.') {
            int fractionStart = ++i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
            if (i == fractionStart) throw invalid(text);
        }
        double number = Double.parseDouble(s.substring(0, i));
        String rest = s.substring(i);
        if (rest.startsWith(" ")) rest = rest.substring(1);
        long multiplier = multiplier(rest.toLowerCase(java.util.Locale.ROOT), text);
        double bytes = number * multiplier;
        if (bytes >= 0x1p63) throw new IllegalArgumentException("byte size \"" + text + "\" is out of range");
        return (long) bytes;
    }

    private static long multiplier(String unit, String text) {
        if (unit.isEmpty() || unit.equals("b")) return 1;
        int power = switch (unit.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            case 'p' -> 5;
            default -> throw invalid(text);
        };
        String suffix = unit.substring(1);
        if (!(suffix.isEmpty() || suffix.equals("b") || suffix.equals("i") || suffix.equals("ib"))) {
            throw invalid(text);
        }
        return 1L << (10 * power);
    }

    private static boolean isInteger(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (start == s.length()) return false;
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid byte size \"" + text + "\"");
    }
}
