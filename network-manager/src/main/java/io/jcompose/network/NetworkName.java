package io.jcompose.network;

import java.util.Objects;

/**
 * The full name of a network as the engine knows it ({@code myproject_default}, or the {@code name:}
 * of the Compose file). Docker's rule: a letter or digit, then letters, digits, {@code _ . -}.
 */
public record NetworkName(String value) implements Comparable<NetworkName> {

    public NetworkName {
        Objects.requireNonNull(value, "value");
        if (!valid(value)) {
            throw NetworkException.invalid("'" + value + "' is not a valid network name",
                    "use letters, digits, '_', '.' and '-', starting with a letter or digit (at most 128 characters)");
        }
    }

    public static NetworkName of(String value) {
        return new NetworkName(value);
    }

    static boolean valid(String value) {
        if (value.isEmpty() || value.length() > 128 || !Character.isLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(NetworkName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
