package io.jcompose.agent.bundle;

import io.jcompose.agent.error.AgentException;
import java.util.Locale;
import java.util.Objects;

/**
 * A container's restart policy, as compose's {@code restart:} and Docker's {@code --restart} spell it.
 *
 * @param maxRetries for {@link Kind#ON_FAILURE}: restarts allowed before giving up, 0 for no limit
 */
public record RestartPolicy(Kind kind, int maxRetries) {
    public static final RestartPolicy NO = new RestartPolicy(Kind.NO, 0);

    public enum Kind {
        NO, ALWAYS, ON_FAILURE, UNLESS_STOPPED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public RestartPolicy {
        Objects.requireNonNull(kind, "kind");
        if (maxRetries < 0) {
            throw AgentException.invalid("restart retry count cannot be negative", "write on-failure:N with N >= 0");
        }
        if (maxRetries > 0 && kind != Kind.ON_FAILURE) {
            throw AgentException.invalid("only on-failure takes a retry count", "drop the :" + maxRetries);
        }
    }

    /** {@code no} (or null/empty), {@code always}, {@code unless-stopped}, {@code on-failure[:N]}. */
    public static RestartPolicy parse(String text) {
        if (text == null || text.isBlank()) {
            return NO;
        }
        String t = text.strip();
        int colon = t.indexOf(':');
        String name = colon < 0 ? t : t.substring(0, colon);
        Kind kind = switch (name) {
            case "no" -> Kind.NO;
            case "always" -> Kind.ALWAYS;
            case "on-failure" -> Kind.ON_FAILURE;
            case "unless-stopped" -> Kind.UNLESS_STOPPED;
            default -> throw AgentException.invalid("unknown restart policy \"" + text + "\"",
                    "use no, always, unless-stopped or on-failure[:N]");
        };
        if (colon < 0) {
            return new RestartPolicy(kind, 0);
        }
        if (kind != Kind.ON_FAILURE) {
            throw AgentException.invalid("restart policy \"" + text + "\" takes no retry count",
                    "only on-failure accepts :N");
        }
        try {
            return new RestartPolicy(kind, Integer.parseInt(t.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw AgentException.invalid("restart policy \"" + text + "\" has a retry count that is not a number",
                    "write on-failure:3");
        }
    }

    /** The text {@link #parse} reads back. */
    public String wire() {
        return kind == Kind.ON_FAILURE && maxRetries > 0 ? "on-failure:" + maxRetries : kind.wireName();
    }
}
