package io.jcompose.agent.container;

import io.jcompose.agent.error.AgentException;
import java.util.regex.Pattern;

/** A container's unique name, with Docker's rule: a letter or digit, then letters, digits, {@code _ . -}. */
public record ContainerName(String value) {
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    public ContainerName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw AgentException.invalid("\"" + value + "\" is not a valid container name",
                    "use at least two characters: letters, digits, '_', '.', '-', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
