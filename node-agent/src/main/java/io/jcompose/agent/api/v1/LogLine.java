package io.jcompose.agent.api.v1;

/** One line of {@code GET /v1/containers/{id}/logs}: stream is stdout or stderr; time is RFC 3339 with nanoseconds. */
public record LogLine(String stream, String time, String message) {
}
