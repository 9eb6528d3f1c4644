package io.jcompose.model.tree;

/**
 * A scalar. {@code value} is one of {@code null}, {@link String}, {@link Long}, {@link Double},
 * {@link Boolean}: the YAML 1.2 core schema types as docker compose resolves them.
 */
public record ScalarNode(Object value, Position position, String tag) implements Node {
    public ScalarNode {
        if (value != null && !(value instanceof String || value instanceof Long
                || value instanceof Double || value instanceof Boolean)) {
            throw new IllegalArgumentException("unsupported scalar type " + value.getClass());
        }
    }

    public static ScalarNode of(Object value) {
        return new ScalarNode(normalize(value), Position.UNKNOWN, null);
    }

    public static ScalarNode of(Object value, Position position) {
        return new ScalarNode(normalize(value), position, null);
    }

    private static Object normalize(Object value) {
        if (value instanceof Integer i) return i.longValue();
        if (value instanceof Short s) return s.longValue();
        if (value instanceof Float f) return f.doubleValue();
        return value;
    }

    public boolean isNull() {
        return value == null;
    }

    public boolean isString() {
        return value instanceof String;
    }

    /** The value as docker compose would print it in a string context. */
    public String text() {
        if (value == null) return "";
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    public ScalarNode withValue(Object newValue) {
        return new ScalarNode(normalize(newValue), position, tag);
    }

    @Override
    public ScalarNode withTag(String newTag) {
        return new ScalarNode(value, position, newTag);
    }

    /** Structural equality: value and tag, not where it was written. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ScalarNode s && java.util.Objects.equals(value, s.value)
                && java.util.Objects.equals(tag, s.tag);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }

    @Override
    public String kind() {
        if (value == null) return "null";
        if (value instanceof String) return "a string";
        if (value instanceof Boolean) return "a boolean";
        return "a number";
    }
}
