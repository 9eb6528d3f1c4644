package io.jcompose.model.project;

import java.time.Duration;

/**
 * Go duration strings as compose writes them: {@code 1m30s}, {@code 500ms}, {@code 1h0m0s}, {@code 1.5s},
 * {@code -2s}, {@code 0}. Units are {@code ns}, {@code us}/{@code µs}, {@code ms}, {@code s}, {@code m},
 * {@code h}, and the {@code d} and {@code w} that compose-go's parser (str2duration) adds. Hand-written so the
 * load path compiles no regex.
 */
public final class GoDuration {
    private static final long NS = 1L;
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long M = 60 * S;
    private static final long H = 60 * M;
    private static final long D = 24 * H;
    private static final long W = 7 * D;

    private GoDuration() {
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    public static Duration parse(String text) {
        try {
            return parseChecked(text);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration \"" + text + "\" is too long");
        }
    }

    private static Duration parseChecked(String text) {
        String s = text.strip();
        if (s.isEmpty()) throw new IllegalArgumentException("empty duration");
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (s.substring(i).equals("0")) return Duration.ZERO;
        if (i == s.length()) throw new IllegalArgumentException("invalid duration \"" + text + "\"");
        long total = 0;
        while (i < s.length()) {
            int start = i;
            long whole = 0;
            while (i < s.length() && isDigit(s.charAt(i))) {
                whole = Math.addExact(Math.multiplyExact(whole, 10), s.charAt(i) - '0');
                i++;
            }
            boolean hasWhole = i > start;
            long fraction = 0;
            long scale = 1;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                while (i < s.length() && isDigit(s.charAt(i))) {
                    if (scale < 1_000_000_000_000_000L) { // digits past 1e-18 cannot change nanoseconds
                        fraction = fraction * 10 + (s.charAt(i) - '0');
                        scale *= 10;
                    }
                    i++;
                }
            }
            if (!hasWhole && scale == 1) throw new IllegalArgumentException("invalid duration \"" + text + "\"");
            int unitStart = i;
            while (i < s.length() && !isDigit(s.charAt(i)) && s.charAt(i) != '.') i++;
            long unit = unit(s.substring(unitStart, i), text);
            long part = Math.addExact(Math.multiplyExact(whole, unit),
                    (long) ((double) fraction * unit / scale));
            total = Math.addExact(total, part);
        }
        return Duration.ofNanos(negative ? -total : total);
    }

    private static long unit(String unit, String text) {
        return switch (unit) {
            case "ns" -> NS;
            case "us", "\u00b5s", "\u03bcs" -> US;
            case "ms" -> MS;
            case "s" -> S;
            case "m" -> M;
            case "h" -> H;
            case "d" -> D;
            case "w" -> W;
            case "" -> throw new IllegalArgumentException("missing unit in duration \"" + text + "\"");
            default -> throw new IllegalArgumentException("unknown unit \"" + unit + "\" in duration \"" + text + "\"");
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
