package io.jcompose.network;

import java.util.Objects;

/**
 * The one error of the network manager. Its {@link Kind} says how a caller should react (the agent
 * maps it to an HTTP status in one place); the message says what went wrong and, where there is
 * one, how to fix it, as {@code what is wrong — how to fix it}.
 */
public final class NetworkException extends RuntimeException {

    /** The same kinds as the rest of jcompose, so the agent maps them without translation. */
    public enum Kind {
        NOT_FOUND, ALREADY_EXISTS, INVALID_ARGUMENT, FAILED_PRECONDITION, CONFLICT, UNAVAILABLE, INTERNAL
    }

    private final Kind kind;

    public NetworkException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public NetworkException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    public static NetworkException invalid(String problem, String fix) {
        return new NetworkException(Kind.INVALID_ARGUMENT, withFix(problem, fix));
    }

    public static NetworkException notFound(String problem, String fix) {
        return new NetworkException(Kind.NOT_FOUND, withFix(problem, fix));
    }

    public static NetworkException conflict(String problem, String fix) {
        return new NetworkException(Kind.CONFLICT, withFix(problem, fix));
    }

    public static NetworkException precondition(String problem, String fix) {
        return new NetworkException(Kind.FAILED_PRECONDITION, withFix(problem, fix));
    }

    /** "failed to &lt;verb&gt;: cause", the wrapping used on the way up from the kernel tools. */
    public static NetworkException failed(String action, String cause) {
        return new NetworkException(Kind.INTERNAL, "failed to " + action + ": " + cause);
    }

    public static NetworkException failed(String action, Throwable cause) {
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new NetworkException(Kind.INTERNAL, "failed to " + action + ": " + text, cause);
    }

    private static String withFix(String problem, String fix) {
        return fix == null || fix.isBlank() ? problem : problem + " — " + fix;
    }
}
