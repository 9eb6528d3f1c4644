package io.jcompose.model.merge;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conversions between the short and long forms that compose-go performs while merging, and no
 * others: a {@code KEY: VALUE} mapping read as a {@code KEY=VALUE} list (environment, labels...), a
 * list of names read as a mapping (networks, depends_on). The full canonical form is a later phase.
 */
final class ListForms {
    private ListForms() {}

    /**
     * The entries of a list-or-mapping value as a list. A mapping gives {@code KEY=VALUE} strings (a
     * null value gives the bare {@code KEY}, a list value one entry per item) sorted as compose-go
     * sorts them; a string gives itself; null gives nothing. {@code !reset} entries are left out.
     */
    static List<Node> toKeyValueList(Node node, YamlPath path) {
        return switch (node) {
            case SeqNode seq -> ResetTags.cleanItems(seq);
            case MapNode map -> fromMapping(map, path);
            case ScalarNode s when s.value() instanceof String -> List.of(s);
            // compose-go reads null (and any stray number) here as no entries at all
            case ScalarNode _ -> List.of();
        };
    }

    private static List<Node> fromMapping(MapNode map, YamlPath path) {
        record Entry(String text, Position position) {}
        List<Entry> entries = new ArrayList<>(map.size());
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            String key = e.getKey();
            Node value = e.getValue();
            Position at = map.keyPosition(key);
            if (ResetTags.isReset(value)) continue;
            switch (value) {
                case ScalarNode s when s.isNull() -> entries.add(new Entry(key, at));
                case ScalarNode s -> entries.add(new Entry(key + "=" + GoText.of(s.value()), at));
                case SeqNode seq -> {
                    for (int i = 0; i < seq.size(); i++) {
                        if (!(seq.get(i) instanceof ScalarNode item)) {
                            throw notAValue(seq.get(i), path.key(key).index(i));
                        }
                        entries.add(new Entry(key + "=" + GoText.of(item.value()), at));
                    }
                }
                case MapNode nested -> throw notAValue(nested, path.key(key));
            }
        }
        entries.sort((a, b) -> io.jcompose.model.tree.KeyOrder.compare(a.text, b.text));
        List<Node> out = new ArrayList<>(entries.size());
        for (Entry e : entries) out.add(new ScalarNode(e.text, e.position, null));
        return out;
    }

    private static ModelException notAValue(Node value, YamlPath path) {
        return new ModelException(value.position(), path, value.kind() + " cannot be used as a value here",
                "give a string, a number or a boolean");
    }

    /** Keys an override mapping tags {@code !reset}: they also remove the earlier entries of that key. */
    static Set<String> resetKeys(Node override) {
        if (!(override instanceof MapNode map)) return Set.of();
        Set<String> keys = null;
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            if (ResetTags.isReset(e.getValue())) {
                if (keys == null) keys = new HashSet<>();
                keys.add(e.getKey());
            }
        }
        return keys == null ? Set.of() : keys;
    }

    /**
     * A list-or-mapping value as a mapping: null gives an empty mapping, a name or a list of names
     * gives one entry per name whose value is a mapping of the {@code defaults} (null when they are
     * null), positioned at the name.
     */
    static MapNode toMapping(Node node, List<Map.Entry<String, Object>> defaults, YamlPath path) {
        return switch (node) {
            case MapNode map -> map;
            case ScalarNode s when s.isNull() -> MapNode.empty(s.position());
            case ScalarNode s when s.value() instanceof String name ->
                    MapNode.builder(s.position()).put(name, entryValue(defaults, s.position()), s.position()).build();
            case SeqNode seq -> {
                MapNode.Builder out = MapNode.builder(seq.position());
                for (int i = 0; i < seq.size(); i++) {
                    Node item = seq.get(i);
                    if (ResetTags.isReset(item)) continue;
                    if (!(item instanceof ScalarNode s && s.value() instanceof String name)) {
                        throw new ModelException(item.position(), path.index(i),
                                "cannot use " + item.kind() + " as a name in this list",
                                "write each entry as a plain name, or use the mapping form");
                    }
                    out.put(name, entryValue(defaults, item.position()), item.position());
                }
                yield out.build();
            }
            case ScalarNode s -> throw new ModelException(s.position(), path,
                    "cannot read " + s.kind() + " as a list of names", "write a list of names or a mapping");
        };
    }

    private static Node entryValue(List<Map.Entry<String, Object>> defaults, Position at) {
        if (defaults == null) return new ScalarNode(null, at, null);
        MapNode.Builder out = MapNode.builder(at);
        for (Map.Entry<String, Object> e : defaults) out.put(e.getKey(), ScalarNode.of(e.getValue(), at), at);
        return out.build();
    }
}
