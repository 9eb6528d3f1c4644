package io.jcompose.agent.api.v1;

/** The body of every failed request. {@code kind} is an {@code ErrorKind} name. */
public record ErrorBody(String kind, String message, String fix) {
}
