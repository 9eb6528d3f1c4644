package io.jcompose.image.build.dockerfile;

import java.time.Duration;

/** Go's duration syntax as HEALTHCHECK options use it: "30s", "1m30s", "1.5h", "250ms", "0". */
final class Durations {
    private Durations() {
    }

    /** The duration, or null when {@code text} is not one. */
    static Duration parse(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        int pos = 0;
        int n = text.length();
        if (n == 0) {
            return null;
        }
        double nanos = 0;
        while (pos < n) {
            int start = pos;
            while (pos < n && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            if (pos == start) {
                return null;
            }
            double number;
            try {
                number = Double.parseDouble(text.substring(start, pos));
            } catch (NumberFormatException e) {
                return null;
            }
            int unitStart = pos;
            while (pos < n && !Character.isDigit(text.charAt(pos)) && text.charAt(pos) != '.') {
                pos++;
            }
            double scale = switch (text.substring(unitStart, pos)) {
                case "ns" -> 1;
                case "us", "µs", "μs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                default -> -1;
            };
            if (scale < 0) {
                return null;
            }
            nanos += number * scale;
        }
        return Duration.ofNanos(Math.round(nanos));
    }
}
