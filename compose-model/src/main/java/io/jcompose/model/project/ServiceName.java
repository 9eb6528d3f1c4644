package io.jcompose.model.project;

import io.jcompose.model.ModelException;

/**
 * A service's name as the compose schema allows it: one or more ASCII letters, digits, {@code .}, {@code _} or
 * {@code -} (compose-go's {@code ^[a-zA-Z0-9._-]+$}). A {@code ServiceName} cannot be malformed once it exists.
 */
public record ServiceName(String value) implements Comparable<ServiceName> {

    /** @throws ModelException without position when {@code value} is not a valid service name */
    public ServiceName {
        if (value == null || !isValid(value)) {
            throw ModelException.of(
                    "invalid service name " + (value == null ? "null" : "\"" + value + "\"")
                            + ": only letters, digits, '.', '_' and '-' are allowed",
                    "rename the service, for example to \"" + suggestion(value) + "\"");
        }
    }

    public static ServiceName of(String value) {
        return new ServiceName(value);
    }

    /** True when {@code value} may name a service. Checked by hand: no regex on the load path. */
    public static boolean isValid(String value) {
        if (value.isEmpty()) return false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) return false;
        }
        return true;
    }

    private static String suggestion(String value) {
        if (value == null || value.isEmpty()) return "app";
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(isValid(String.valueOf(c)) ? c : '-');
        }
        return sb.toString();
    }

    @Override
    public int compareTo(ServiceName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
