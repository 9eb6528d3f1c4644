package io.jcompose.model.canonical;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Durations as compose-go reads them ({@code xhit/go-str2duration}: Go's {@code time.ParseDuration}
 * plus {@code d} and {@code w}) and prints them ({@code time.Duration.String()}: {@code 1m30s},
 * {@code 1.5s}, {@code 100ms}, {@code 2h0m0s}). Values are nanoseconds in a {@code long}.
 */
final class GoDuration {
    private static final long MICRO = 1_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("ns", 1L), Map.entry("us", MICRO), Map.entry("\u00b5s", MICRO), Map.entry("\u03bcs", MICRO),
            Map.entry("ms", MILLI), Map.entry("s", SECOND), Map.entry("m", 60 * SECOND),
            Map.entry("h", 3600 * SECOND), Map.entry("d", 24 * 3600 * SECOND), Map.entry("w", 7 * 24 * 3600 * SECOND));

    private GoDuration() {
    }

    /** Nanoseconds, or throws {@link IllegalArgumentException} with Go's wording. */
    static long parse(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) return 0;
        if (s.isEmpty()) throw invalid(text);
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
            String number = s.substring(start, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') i++;
            String unit = s.substring(unitStart, i);
            if (unit.isEmpty()) throw new IllegalArgumentException("missing unit in duration \"" + text + "\"");
            Long scale = UNITS.get(unit);
            if (scale == null) {
                throw new IllegalArgumentException("unknown unit \"" + unit + "\" in duration \"" + text + "\"");
            }
            String digits = number.endsWith(".") ? number + "0" : number.startsWith(".") ? "0" + number : number;
            total = total.add(new BigDecimal(digits).multiply(BigDecimal.valueOf(scale)));
        }
        if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) throw invalid(text);
        long ns = total.longValue();
        return negative ? -ns : ns;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration \"" + text + "\"");
    }

    /** Go's {@code time.Duration.String()}. */
    static String format(long d) {
        if (d == 0) return "0s";
        boolean negative = d < 0;
        long u = Math.abs(d);
        StringBuilder sb = new StringBuilder();
        if (u < SECOND) {
            String unit;
            int precision;
            if (u < MICRO) {
                unit = "ns";
                precision = 0;
            } else if (u < MILLI) {
                unit = "\u00b5s";
                precision = 3;
            } else {
                unit = "ms";
                precision = 6;
            }
            sb.append(fraction(u, precision)).append(unit);
        } else {
            String seconds = fraction(u, 9);
            long whole = u / SECOND;
            int dot = seconds.indexOf('.');
            String frac = dot < 0 ? "" : seconds.substring(dot);
            long secs = whole % 60;
            long minutes = whole / 60;
            if (minutes > 0) {
                long hours = minutes / 60;
                if (hours > 0) sb.append(hours).append('h');
                sb.append(minutes % 60).append('m');
            }
            sb.append(secs).append(frac).append('s');
        }
        return negative ? "-" + sb : sb.toString();
    }

    /** {@code v / 10^precision} with trailing zeros (and a bare point) dropped. */
    private static String fraction(long v, int precision) {
        if (precision == 0) return Long.toString(v);
        return BigDecimal.valueOf(v).movePointLeft(precision).stripTrailingZeros().toPlainString();
    }
}
