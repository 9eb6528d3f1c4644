package io.jcompose.cli;

import io.jcompose.model.project.GoDuration;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * {@code --since} and {@code --until} values as docker accepts them: a Go duration relative to now ({@code 10m},
 * {@code 1h30m}), a Unix timestamp ({@code 1700000000}, {@code 1700000000.5}), an RFC 3339 time
 * ({@code 2024-01-02T10:00:00Z}, {@code 2024-01-02T10:00:00.5+01:00}), or a date/time without zone
 * ({@code 2024-01-02}, {@code 2024-01-02T10:00}, {@code 2024-01-02T10:00:00}) read in the local time zone.
 */
final class TimeBound {
    private TimeBound() {
    }

    /** @throws CommandFailure naming the option and the accepted forms */
    static Instant parse(String option, String value, Instant now, ZoneId zone) {
        String v = value.strip();
        if (v.isEmpty()) throw invalid(option, value);
        if (isUnixTimestamp(v)) {
            BigDecimal seconds = new BigDecimal(v);
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        }
        if (!v.contains("-") && !v.contains(":")) {
            try {
                Duration ago = GoDuration.parse(v);
                return now.minus(ago);
            } catch (IllegalArgumentException e) {
                throw invalid(option, value);
            }
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // no zone given: the forms below
        }
        try {
            if (v.length() == 10) return LocalDate.parse(v).atStartOfDay(zone).toInstant();
            String full = switch (v.length()) {
                case 13 -> v + ":00:00"; // 2006-01-02T15
                case 16 -> v + ":00";    // 2006-01-02T15:04
                default -> v;
            };
            return LocalDateTime.parse(full).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(option, value);
        }
    }

    private static boolean isUnixTimestamp(String v) {
        int dots = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '.') dots++;
            else if (c < '0' || c > '9') return false;
        }
        return dots <= 1 && v.charAt(0) != '.' && v.charAt(v.length() - 1) != '.';
    }

    private static CommandFailure invalid(String option, String value) {
        return new CommandFailure(option + " " + value + ": expected a duration like 10m or 1h30m, a Unix timestamp, "
                + "or a time like 2024-01-02T10:00:00Z or 2024-01-02");
    }
}
