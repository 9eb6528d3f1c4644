package io.jcompose.agent.state;

import java.util.Objects;

/**
 * One label condition of a list query, as Docker's {@code label=key} (has the label) or
 * {@code label=key=value} (has it with that value).
 *
 * @param value null to match any value
 */
public record LabelFilter(String key, String value) {
    public LabelFilter {
        Objects.requireNonNull(key, "key");
    }

    /** Parses {@code key} or {@code key=value}. */
    public static LabelFilter parse(String text) {
        int eq = text.indexOf('=');
        return eq < 0 ? new LabelFilter(text, null) : new LabelFilter(text.substring(0, eq), text.substring(eq + 1));
    }
}
