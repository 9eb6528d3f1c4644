package io.jcompose.model.validation;

import io.jcompose.model.validation.SchemaNode.Pointer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the parsed JSON of a schema into {@link SchemaNode}s. Only the keywords the Compose schema
 * uses are understood; any other keyword fails the load, so a refreshed schema that starts using a
 * new keyword is noticed by the tests instead of being silently ignored. {@code $ref} may point
 * at {@code #/definitions/x} or {@code #/$defs/x} (newer schema drafts use the latter); both
 * resolve in one namespace. Each distinct regex is compiled once, however often it recurs.
 */
final class SchemaCompiler {
    /** Keywords that only describe; they never affect validation. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title",
            "description", "deprecated", "default", "examples", "definitions", "$defs", "readOnly",
            "writeOnly");
    private static final Set<String> KEYWORDS = Set.of("type", "properties", "patternProperties",
            "additionalProperties", "required", "dependentRequired", "items", "oneOf", "anyOf",
            "allOf", "not", "enum", "const", "$ref", "uniqueItems", "format", "pattern", "minimum",
            "maximum", "minItems", "maxItems");

    private final Map<String, Object> definitions = new LinkedHashMap<>();
    private final Map<String, SchemaNode> compiledDefinitions = new HashMap<>();
    private final Map<String, KeyMatcher> regexes = new HashMap<>();
    private final List<SchemaNode.Ref> refs = new ArrayList<>();

    private SchemaCompiler() {
    }

    /** Compiles a whole schema document and links every {@code $ref}. */
    static SchemaNode compile(Map<String, Object> document) {
        SchemaCompiler c = new SchemaCompiler();
        c.collectDefinitions(document, "definitions");
        c.collectDefinitions(document, "$defs");
        SchemaNode root = c.node(document, Pointer.ROOT);
        // compile every definition, referenced or not, so a broken one fails the load
        for (String name : List.copyOf(c.definitions.keySet())) c.definition(name);
        for (SchemaNode.Ref ref : c.refs) {
            SchemaNode target = c.compiledDefinitions.get(ref.name);
            if (target == null) throw new IllegalStateException("$ref to unknown definition '" + ref.name + "'");
            ref.bind(target);
        }
        return root;
    }

    /**
     * Adds definitions and service properties that the bundled schema lacks. Entries the schema
     * already has win, so refreshing the schema to a copy that carries them makes the additions inert.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withAdditions(Map<String, Object> document, Map<String, Object> additions) {
        String defsKey = document.containsKey("$defs") ? "$defs" : "definitions";
        Map<String, Object> defs = new LinkedHashMap<>((Map<String, Object>) document.get(defsKey));
        putAbsent(defs, (Map<String, Object>) additions.get("definitions"));

        Map<String, Object> service = new LinkedHashMap<>((Map<String, Object>) defs.get("service"));
        Map<String, Object> props = new LinkedHashMap<>((Map<String, Object>) service.get("properties"));
        putAbsent(props, (Map<String, Object>) additions.get("service_properties"));
        service.put("properties", props);
        defs.put("service", service);

        Map<String, Object> out = new LinkedHashMap<>(document);
        out.put(defsKey, defs);
        return out;
    }

    private static void putAbsent(Map<String, Object> into, Map<String, Object> from) {
        if (from == null) return;
        for (Map.Entry<String, Object> e : from.entrySet()) into.putIfAbsent(e.getKey(), e.getValue());
    }

    @SuppressWarnings("unchecked")
    private void collectDefinitions(Map<String, Object> document, String key) {
        if (!(document.get(key) instanceof Map<?, ?> defs)) return;
        for (Map.Entry<String, Object> e : ((Map<String, Object>) defs).entrySet()) {
            if (definitions.put(e.getKey(), e.getValue()) != null) {
                throw new IllegalStateException("definition '" + e.getKey() + "' appears twice");
            }
        }
    }

    private SchemaNode definition(String name) {
        SchemaNode done = compiledDefinitions.get(name);
        if (done != null) return done;
        SchemaNode compiled = node(definitions.get(name), Pointer.ROOT.child("definitions").child(name));
        compiledDefinitions.put(name, compiled);
        return compiled;
    }

    @SuppressWarnings("unchecked")
    private SchemaNode node(Object raw, Pointer at) {
        if (raw instanceof Boolean b) {
            // "true" accepts everything, "false" nothing: model false as "not {}"
            return b ? node(Map.of(), at) : node(Map.of("not", Map.of()), at);
        }
        if (!(raw instanceof Map<?, ?>)) throw new IllegalStateException(at + ": a schema must be an object");
        Map<String, Object> s = (Map<String, Object>) raw;
        for (String key : s.keySet()) {
            if (!KEYWORDS.contains(key) && !ANNOTATIONS.contains(key)) {
                throw new IllegalStateException(at + ": unsupported JSON Schema keyword '" + key + "'");
            }
        }

        Map<String, SchemaNode> properties = new HashMap<>();
        if (s.get("properties") instanceof Map<?, ?> props) {
            Pointer p = at.child("properties");
            for (Map.Entry<String, Object> e : ((Map<String, Object>) props).entrySet()) {
                properties.put(e.getKey(), node(e.getValue(), p.child(e.getKey())));
            }
        }
        List<SchemaNode.PatternProperty> patterns = new ArrayList<>();
        if (s.get("patternProperties") instanceof Map<?, ?> pp) {
            Pointer p = at.child("patternProperties");
            for (Map.Entry<String, Object> e : ((Map<String, Object>) pp).entrySet()) {
                patterns.add(new SchemaNode.PatternProperty(regex(e.getKey()), node(e.getValue(), p.child(e.getKey()))));
            }
        }
        Object additional = s.get("additionalProperties");
        boolean closed = Boolean.FALSE.equals(additional);
        SchemaNode additionalSchema = additional instanceof Map<?, ?>
                ? node(additional, at.child("additionalProperties")) : null;

        Map<String, List<String>> dependent = new HashMap<>();
        if (s.get("dependentRequired") instanceof Map<?, ?> dr) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) dr).entrySet()) {
                dependent.put(e.getKey(), strings(e.getValue(), at));
            }
        }

        SchemaNode.Ref ref = null;
        if (s.get("$ref") instanceof String r) {
            ref = new SchemaNode.Ref(refName(r, at));
            refs.add(ref);
        }
        boolean hasConst = s.containsKey("const");
        return new SchemaNode(at, typeMask(s.get("type"), at), Map.copyOf(properties), List.copyOf(patterns),
                closed, additionalSchema,
                s.containsKey("required") ? strings(s.get("required"), at) : List.of(),
                Map.copyOf(dependent),
                s.containsKey("items") ? node(s.get("items"), at.child("items")) : null,
                branches(s.get("oneOf"), at.child("oneOf")), branches(s.get("anyOf"), at.child("anyOf")),
                branches(s.get("allOf"), at.child("allOf")),
                s.containsKey("not") ? node(s.get("not"), at.child("not")) : null,
                s.get("enum") instanceof List<?> e ? (List<Object>) e : null,
                hasConst, hasConst ? s.get("const") : null,
                s.get("pattern") instanceof String p ? regex(p) : null,
                number(s.get("minimum")), number(s.get("maximum")),
                count(s.get("minItems")), count(s.get("maxItems")),
                Boolean.TRUE.equals(s.get("uniqueItems")),
                s.get("format") instanceof String f ? f : null,
                ref);
    }

    private KeyMatcher regex(String source) {
        KeyMatcher m = regexes.get(source);
        if (m == null) {
            m = KeyMatcher.compile(source);
            regexes.put(source, m);
        }
        return m;
    }

    private static String refName(String ref, Pointer at) {
        for (String prefix : new String[] {"#/definitions/", "#/$defs/"}) {
            if (ref.startsWith(prefix) && ref.indexOf('/', prefix.length()) < 0) return ref.substring(prefix.length());
        }
        throw new IllegalStateException(at + ": unsupported $ref '" + ref + "' (only local definitions)");
    }

    private List<SchemaNode> branches(Object raw, Pointer at) {
        if (raw == null) return List.of();
        if (!(raw instanceof List<?> list)) throw new IllegalStateException(at + " must be an array");
        List<SchemaNode> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) out.add(node(list.get(i), at.child(Integer.toString(i))));
        return List.copyOf(out);
    }

    private static int typeMask(Object type, Pointer at) {
        if (type == null) return JsonType.ANY;
        int mask = 0;
        for (Object t : type instanceof List<?> l ? l : List.of(type)) {
            JsonType jt = JsonType.fromSchemaName(String.valueOf(t));
            // an integer is a number: "number" admits Long and Double alike
            mask |= jt == JsonType.NUMBER ? JsonType.NUMBER.bit() | JsonType.INTEGER.bit() : jt.bit();
        }
        if (mask == 0) throw new IllegalStateException(at + ": empty type list");
        return mask;
    }

    private static List<String> strings(Object raw, Pointer at) {
        if (!(raw instanceof List<?> l)) throw new IllegalStateException(at + ": expected an array of strings");
        List<String> out = new ArrayList<>(l.size());
        for (Object o : l) out.add((String) o);
        return List.copyOf(out);
    }

    private static Double number(Object raw) {
        return raw instanceof Number n ? n.doubleValue() : null;
    }

    private static int count(Object raw) {
        return raw instanceof Number n ? n.intValue() : -1;
    }
}
