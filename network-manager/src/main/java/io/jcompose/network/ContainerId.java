package io.jcompose.network;

import java.util.Objects;

/**
 * The id under which a container is attached. It names the container's namespace file, so it is
 * restricted to a safe file name: a letter or digit, then letters, digits, {@code _ . -}.
 */
public record ContainerId(String value) implements Comparable<ContainerId> {

    public ContainerId {
        Objects.requireNonNull(value, "value");
        if (!NetworkName.valid(value)) {
            throw NetworkException.invalid("'" + value + "' is not a valid container id",
                    "use letters, digits, '_', '.' and '-', starting with a letter or digit (at most 128 characters)");
        }
    }

    public static ContainerId of(String value) {
        return new ContainerId(value);
    }

    @Override
    public int compareTo(ContainerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
