package io.jcompose.agent.api;

import io.jcompose.agent.error.AgentException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * A request, copied out of Netty's buffers so it can be served on another thread.
 *
 * @param segments the path split on '/', without the empty first one: {@code [v1, containers, web-1, start]}
 * @param upload   a body streamed to disk instead of {@code body} (image archives), else null
 */
record ApiRequest(String method, List<String> segments, Map<String, List<String>> query, byte[] body,
                  java.nio.file.Path upload) {

    ApiRequest(String method, List<String> segments, Map<String, List<String>> query, byte[] body) {
        this(method, segments, query, body, null);
    }

    String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getLast();
    }

    List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    boolean flag(String name, boolean fallback) {
        String value = param(name);
        if (value == null) {
            return fallback;
        }
        return switch (value) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw AgentException.invalid("query parameter " + name + "=" + value + " is not a boolean",
                    "use true or false");
        };
    }

    int integer(String name, int fallback) {
        String value = param(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw AgentException.invalid("query parameter " + name + "=" + value + " is not an integer", null);
        }
    }

    /**
     * An instant given as RFC 3339 ({@code 2024-01-02T10:00:00.5Z}) or, as Docker's API takes it, Unix seconds
     * with an optional fraction ({@code 1704189600.5}); null when absent.
     */
    Instant instant(String name) {
        String value = param(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.indexOf('T') > 0) {
                return OffsetDateTime.parse(value).toInstant();
            }
            BigDecimal seconds = new BigDecimal(value);
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw AgentException.invalid("query parameter " + name + "=" + value + " is not a time",
                    "use RFC 3339 (2024-01-02T10:00:00Z) or Unix seconds (1704189600.5)");
        }
    }
}
