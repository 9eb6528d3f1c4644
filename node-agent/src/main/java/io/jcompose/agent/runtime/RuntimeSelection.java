package io.jcompose.agent.runtime;

import java.util.List;
import java.util.Objects;

/**
 * The runtime the agent uses and why: the verdict on every candidate, in preference order.
 *
 * @param chosen   the first candidate that works
 * @param verdicts every candidate's verdict, including the chosen one
 */
public record RuntimeSelection(RuntimeBinary chosen, List<RuntimeVerdict> verdicts) {
    public RuntimeSelection {
        Objects.requireNonNull(chosen, "chosen");
        verdicts = List.copyOf(verdicts);
    }

    /** E.g. {@code using runc 1.1.5 (/usr/sbin/runc); crun 1.8.1 rejected: ...; runc 1.1.5 works: ...}. */
    public String reason() {
        StringBuilder out = new StringBuilder("using ").append(chosen);
        for (RuntimeVerdict verdict : verdicts) {
            out.append("; ").append(verdict);
        }
        return out.toString();
    }
}
