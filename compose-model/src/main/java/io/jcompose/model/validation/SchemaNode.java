package io.jcompose.model.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One compiled JSON Schema (sub)schema: only the keywords the Compose schema uses, with regexes
 * compiled and property names gathered once at load. Built by {@link SchemaCompiler}; immutable
 * afterwards except for the link to a {@code $ref} target (set once while linking, because
 * definitions may refer to each other) and a memo of the types this schema can accept.
 */
final class SchemaNode {
    /**
     * Where a schema sits in its document, rendered ({@code #/definitions/service/properties/ports})
     * only for diagnostics of the schema itself; building the strings eagerly would cost the load.
     */
    record Pointer(Pointer parent, String token) {
        static final Pointer ROOT = new Pointer(null, "#");

        Pointer child(String t) {
            return new Pointer(this, t);
        }

        @Override
        public String toString() {
            return parent == null ? token : parent + "/" + token;
        }
    }

    record PatternProperty(KeyMatcher key, SchemaNode schema) {
    }

    /** A {@code $ref}, resolved after every definition is compiled. */
    static final class Ref {
        final String name;
        private SchemaNode target;

        Ref(String name) {
            this.name = name;
        }

        SchemaNode target() {
            return target;
        }

        void bind(SchemaNode node) {
            if (target != null) throw new IllegalStateException("$ref " + name + " bound twice");
            target = node;
        }
    }

    final Pointer location;
    final int types;
    final Map<String, SchemaNode> properties;
    /** The declared property names, sorted: what "did you mean" and "valid keys" draw from. */
    final List<String> propertyNames;
    final List<PatternProperty> patternProperties;
    /** {@code additionalProperties: false}. */
    final boolean closed;
    /** {@code additionalProperties: {schema}}; null when absent, true or false. */
    final SchemaNode additional;
    final List<String> required;
    final Map<String, List<String>> dependentRequired;
    final SchemaNode items;
    final List<SchemaNode> oneOf;
    final List<SchemaNode> anyOf;
    final List<SchemaNode> allOf;
    final SchemaNode not;
    /** Allowed values ({@code enum}); null when absent. */
    final List<Object> enumValues;
    final boolean hasConst;
    final Object constValue;
    final KeyMatcher pattern;
    final Double minimum;
    final Double maximum;
    final int minItems;
    final int maxItems;
    final boolean uniqueItems;
    final String format;
    final Ref ref;

    private volatile int acceptedMask = -1;

    SchemaNode(Pointer location, int types, Map<String, SchemaNode> properties,
               List<PatternProperty> patternProperties, boolean closed, SchemaNode additional,
               List<String> required, Map<String, List<String>> dependentRequired, SchemaNode items,
               List<SchemaNode> oneOf, List<SchemaNode> anyOf, List<SchemaNode> allOf, SchemaNode not,
               List<Object> enumValues, boolean hasConst, Object constValue, KeyMatcher pattern,
               Double minimum, Double maximum, int minItems, int maxItems, boolean uniqueItems,
               String format, Ref ref) {
        this.location = location;
        this.types = types;
        this.properties = properties;
        List<String> names = new ArrayList<>(properties.keySet());
        Collections.sort(names);
        this.propertyNames = List.copyOf(names);
        this.patternProperties = patternProperties;
        this.closed = closed;
        this.additional = additional;
        this.required = required;
        this.dependentRequired = dependentRequired;
        this.items = items;
        this.oneOf = oneOf;
        this.anyOf = anyOf;
        this.allOf = allOf;
        this.not = not;
        this.enumValues = enumValues;
        this.hasConst = hasConst;
        this.constValue = constValue;
        this.pattern = pattern;
        this.minimum = minimum;
        this.maximum = maximum;
        this.minItems = minItems;
        this.maxItems = maxItems;
        this.uniqueItems = uniqueItems;
        this.format = format;
        this.ref = ref;
    }

    /** Whether this mapping accepts {@code x-} extension keys. */
    boolean allowsExtensions() {
        for (PatternProperty pp : patternProperties) {
            if (pp.key() instanceof KeyMatcher.Prefix p && p.prefix().equals("x-")) return true;
        }
        return false;
    }

    /**
     * A superset of the JSON types this schema can accept, looking through {@code $ref},
     * {@code oneOf}, {@code anyOf} and {@code allOf}. Lets a combinator skip a branch whose type
     * cannot match before doing any work, and name the allowed types when none matches.
     */
    int acceptedTypes() {
        int m = acceptedMask;
        if (m >= 0) return m;
        m = computeAccepted(0);
        acceptedMask = m;
        return m;
    }

    private int computeAccepted(int depth) {
        if (depth > 32) return JsonType.ANY; // a $ref cycle: give up narrowing, stay correct
        int m = types;
        if (ref != null) m &= ref.target().computeAccepted(depth + 1);
        for (SchemaNode s : allOf) m &= s.computeAccepted(depth + 1);
        m &= union(oneOf, depth);
        m &= union(anyOf, depth);
        return m;
    }

    private static int union(List<SchemaNode> branches, int depth) {
        if (branches.isEmpty()) return JsonType.ANY;
        int m = 0;
        for (SchemaNode s : branches) m |= s.computeAccepted(depth + 1);
        return m;
    }

    @Override
    public String toString() {
        return location.toString();
    }
}
