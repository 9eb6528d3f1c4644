package io.jcompose.agent.container;

import io.jcompose.agent.error.AgentException;
import java.util.Locale;

/**
 * A container's lifecycle state and the one table of what each state allows:
 *
 * <pre>
 *             start  stop   kill   pause  unpause remove exec
 *   created   yes    noop   no     no     no      yes    no
 *   running   noop   yes    yes    yes    no      no*    yes
 *   paused    no     yes    yes    no     yes     no*    no
 *   exited    yes    noop   no     no     no      yes    no
 * </pre>
 * (* allowed with force, which kills first). "noop" succeeds without doing anything, as Docker's
 * 304 answers; "no" fails with "cannot X a container in state Y".
 */
public enum ContainerState {
    CREATED, RUNNING, PAUSED, EXITED;

    /** What {@link #check} decided. */
    public enum Decision { PROCEED, ALREADY_DONE }

    /** Decides an operation in this state, or throws FAILED_PRECONDITION with a fix. */
    public Decision check(Operation op) {
        Decision d = switch (this) {
            case CREATED -> switch (op) {
                case START, REMOVE -> Decision.PROCEED;
                case STOP -> Decision.ALREADY_DONE;
                default -> null;
            };
            case RUNNING -> switch (op) {
                case STOP, KILL, PAUSE, EXEC -> Decision.PROCEED;
                case START -> Decision.ALREADY_DONE;
                default -> null;
            };
            case PAUSED -> switch (op) {
                case STOP, KILL, UNPAUSE -> Decision.PROCEED;
                default -> null;
            };
            case EXITED -> switch (op) {
                case START, REMOVE -> Decision.PROCEED;
                case STOP -> Decision.ALREADY_DONE;
                default -> null;
            };
        };
        if (d == null) {
            throw AgentException.precondition("cannot " + op.verb() + " a container in state " + wireName(), fix(op));
        }
        return d;
    }

    public boolean isLive() {
        return this == RUNNING || this == PAUSED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContainerState fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    private String fix(Operation op) {
        return switch (op) {
            case REMOVE -> "stop it first, or remove it with force";
            case START -> this == PAUSED ? "unpause it" : null;
            case PAUSE -> this == PAUSED ? "it is already paused" : "start it first";
            case UNPAUSE -> "only a paused container can be unpaused";
            case KILL, EXEC -> "start it first";
            case STOP -> null;
        };
    }
}
