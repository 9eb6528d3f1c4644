package io.jcompose.agent.error;

import java.util.Objects;

/**
 * The one failure type of the agent. It carries a {@link ErrorKind}, a problem statement and, when one
 * makes sense, a fix. {@link #getMessage()} reads {@code problem — fix}. Callers add context on the way
 * up with {@link #wrap(String)} ("failed to start web-1: ..."), keeping the kind.
 */
public final class AgentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String problem;
    private final String fix;

    public AgentException(ErrorKind kind, String problem, String fix, Throwable cause) {
        super(render(problem, fix), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.fix = fix == null || fix.isBlank() ? null : fix;
    }

    public AgentException(ErrorKind kind, String problem, String fix) {
        this(kind, problem, fix, null);
    }

    public static AgentException notFound(String problem, String fix) {
        return new AgentException(ErrorKind.NOT_FOUND, problem, fix);
    }

    public static AgentException alreadyExists(String problem, String fix) {
        return new AgentException(ErrorKind.ALREADY_EXISTS, problem, fix);
    }

    public static AgentException invalid(String problem, String fix) {
        return new AgentException(ErrorKind.INVALID_ARGUMENT, problem, fix);
    }

    public static AgentException precondition(String problem, String fix) {
        return new AgentException(ErrorKind.FAILED_PRECONDITION, problem, fix);
    }

    public static AgentException unavailable(String problem, String fix) {
        return new AgentException(ErrorKind.UNAVAILABLE, problem, fix);
    }

    public static AgentException internal(String problem, Throwable cause) {
        return new AgentException(ErrorKind.INTERNAL, problem, null, cause);
    }

    /** The same failure with context in front: {@code failed to start web-1: <problem>}. */
    public AgentException wrap(String context) {
        return new AgentException(kind, context + ": " + problem, fix, this);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String problem() {
        return problem;
    }

    /** How to get past the failure, or null when there is nothing useful to suggest. */
    public String fix() {
        return fix;
    }

    private static String render(String problem, String fix) {
        return fix == null || fix.isBlank() ? problem : problem + " — " + fix;
    }
}
