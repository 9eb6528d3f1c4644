package io.jcompose.model.validation;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;

/**
 * The JSON Schema instance types, as seen on our YAML tree: a {@code Long} scalar is an integer (and a
 * number), a {@code Double} a number, an integral {@code Double} such as {@code 2.0} also an integer
 * (JSON Schema counts the value, not the spelling). Sets of types are bit masks so that "does this
 * branch accept a mapping?" costs one AND.
 */
enum JsonType {
    NULL("null", "null"),
    BOOLEAN("boolean", "a boolean"),
    INTEGER("integer", "an integer"),
    NUMBER("number", "a number"),
    STRING("string", "a string"),
    ARRAY("array", "a list"),
    OBJECT("object", "a mapping");

    /** Mask meaning "no type constraint". */
    static final int ANY = (1 << values().length) - 1;

    private final String schemaName;
    private final String noun;

    JsonType(String schemaName, String noun) {
        this.schemaName = schemaName;
        this.noun = noun;
    }

    int bit() {
        return 1 << ordinal();
    }

    String noun() {
        return noun;
    }

    static JsonType fromSchemaName(String name) {
        for (JsonType t : values()) {
            if (t.schemaName.equals(name)) return t;
        }
        throw new IllegalArgumentException("unknown JSON Schema type '" + name + "'");
    }

    /** The most specific type of a node (an integral number is INTEGER). */
    static JsonType of(Node node) {
        return switch (node) {
            case MapNode m -> OBJECT;
            case SeqNode s -> ARRAY;
            case ScalarNode s -> switch (s.value()) {
                case null -> NULL;
                case String str -> STRING;
                case Boolean b -> BOOLEAN;
                case Long l -> INTEGER;
                case Double d -> isIntegral(d) ? INTEGER : NUMBER;
                default -> throw new IllegalStateException("unexpected scalar " + s.value().getClass());
            };
        };
    }

    /** Every type the node satisfies, as a mask: an integer is also a number. */
    static int maskOf(Node node) {
        JsonType t = of(node);
        return t == INTEGER ? INTEGER.bit() | NUMBER.bit() : t.bit();
    }

    static boolean isIntegral(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d);
    }

    /** "a string or a number", "a string, a number or null": the allowed types in prose. */
    static String describe(int mask) {
        StringBuilder sb = new StringBuilder();
        JsonType[] all = values();
        int count = Integer.bitCount(mask & ANY);
        // "integer" is subsumed by "number" when both are allowed
        if ((mask & NUMBER.bit()) != 0 && (mask & INTEGER.bit()) != 0) count--;
        int written = 0;
        for (JsonType t : all) {
            if ((mask & t.bit()) == 0) continue;
            if (t == INTEGER && (mask & NUMBER.bit()) != 0) continue;
            if (written > 0) sb.append(written == count - 1 ? " or " : ", ");
            sb.append(t.noun);
            written++;
        }
        return sb.toString();
    }
}
