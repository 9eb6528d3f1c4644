package io.jcompose.model.canonical;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical form of a mapping that compose-go decodes into a struct: a table from attribute
 * name to {@link Rule}, then finishers that fill defaults across attributes (a port's protocol, a
 * secret's target). {@code x-*} keys are kept untouched as the struct's extensions; attributes the
 * table does not know are carried over as written rather than dropped, so a newer compose attribute
 * survives a round trip.
 */
final class StructRule implements Rule {
    /** Fills what compose-go adds after decoding; {@code source} is the mapping as written. */
    @FunctionalInterface
    interface Finisher {
        void finish(MapNode.Builder out, MapNode source, YamlPath path, RuleContext rc);
    }

    private final Map<String, Rule> fields;
    private final List<Finisher> finishers;

    private StructRule(Map<String, Rule> fields, List<Finisher> finishers) {
        this.fields = fields;
        this.finishers = finishers;
    }

    /** Alternating attribute names and rules. */
    static StructRule of(Object... namesAndRules) {
        Map<String, Rule> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndRules.length; i += 2) {
            String name = (String) namesAndRules[i];
            // a null here is a rule constant read before its own initializer ran: fail at class init
            fields.put(name, java.util.Objects.requireNonNull((Rule) namesAndRules[i + 1], () -> "no rule for " + name));
        }
        return new StructRule(Collections.unmodifiableMap(fields), List.of());
    }

    StructRule with(String name, Rule rule) {
        Map<String, Rule> next = new LinkedHashMap<>(fields);
        next.put(name, java.util.Objects.requireNonNull(rule, name));
        return new StructRule(Collections.unmodifiableMap(next), finishers);
    }

    StructRule then(Finisher finisher) {
        List<Finisher> next = new ArrayList<>(finishers);
        next.add(finisher);
        return new StructRule(fields, List.copyOf(next));
    }

    /** A pointer struct: an absent or null value is omitted, an empty mapping stays {@code {}}. */
    @Override
    public Node apply(Node value, YamlPath path, RuleContext rc) {
        if (Values.isNull(value)) return null;
        return build(Values.map(value, path), path, rc);
    }

    MapNode build(MapNode source, YamlPath path, RuleContext rc) {
        MapNode.Builder out = MapNode.builder(source.position());
        for (Map.Entry<String, Node> e : source.entries().entrySet()) {
            String key = e.getKey();
            Rule rule = fields.get(key);
            Node v = rule == null ? e.getValue() : rule.apply(e.getValue(), path.key(key), rc);
            if (v != null) out.put(key, v, source.keyPosition(key));
        }
        for (Finisher f : finishers) f.finish(out, source, path, rc);
        return out.build();
    }
}
