package io.jcompose.model.merge;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The recursive merge: the rule of {@link MergeRules} for the path when there is one, otherwise the
 * default rules. Throughout, {@code base} is tag-free (an earlier merge result or a cleaned file)
 * while {@code override} may still carry {@code !reset}/{@code !override} tags below its top.
 */
final class TreeMerge {
    private TreeMerge() {}

    static Node merge(Node base, Node override, YamlPath path) {
        MergeStrategy rule = MergeRules.TABLE.find(path);
        return rule != null ? rule.merge(base, override, path) : mergeDefault(base, override, path);
    }

    /**
     * Mappings merge key by key, sequences append what they do not already hold, anything else is
     * replaced. A null override leaves the earlier value in place (compose-go does the same), so
     * removing a value takes {@code !reset}.
     */
    static Node mergeDefault(Node base, Node override, YamlPath path) {
        if (isNull(override)) return base;
        return switch (base) {
            case MapNode map when override instanceof MapNode over -> mergeMaps(map, over, path);
            case SeqNode seq when override instanceof SeqNode over ->
                    appendDistinct(seq, ResetTags.cleanItems(over));
            case MapNode _, SeqNode _ -> throw incompatible(base, override, path);
            case ScalarNode _ -> ResetTags.clean(override);
        };
    }

    /**
     * Merges two mappings: the base's keys keep their order, the override's new keys follow. An
     * override value tagged {@code !reset} removes the key, one tagged {@code !override} replaces the
     * earlier value whole; a key present on both sides is merged by {@link #merge}.
     */
    static MapNode mergeMaps(MapNode base, MapNode override, YamlPath path) {
        MapNode.Builder out = base.toBuilder();
        for (Map.Entry<String, Node> e : override.entries().entrySet()) {
            String key = e.getKey();
            Node value = e.getValue();
            String tag = value.tag();
            if (Node.RESET.equals(tag)) {
                out.remove(key);
                continue;
            }
            Node earlier = base.get(key);
            if (earlier == null || Node.OVERRIDE.equals(tag)) {
                out.put(key, ResetTags.clean(value), override.keyPosition(key));
                continue;
            }
            Node merged = mergeEntry(earlier, value, path, key);
            // A scalar that came from the override is written where the override wrote its key.
            boolean fromOverride = merged != earlier && merged instanceof ScalarNode;
            out.put(key, merged, fromOverride ? override.keyPosition(key) : base.keyPosition(key));
        }
        return out.build();
    }

    /** {@link #merge} at {@code path.key(key)}, building that path only when something needs it. */
    private static Node mergeEntry(Node earlier, Node value, YamlPath path, String key) {
        MergeStrategy rule = MergeRules.TABLE.find(path, key);
        if (rule == null && earlier instanceof ScalarNode && value instanceof ScalarNode scalar) {
            return scalar.isNull() ? earlier : scalar;
        }
        YamlPath child = path.key(key);
        return rule != null ? rule.merge(earlier, value, child) : mergeDefault(earlier, value, child);
    }

    /** The base's items, then each extra item not structurally equal to one already there. */
    static SeqNode appendDistinct(SeqNode base, List<Node> extra) {
        if (extra.isEmpty()) return base;
        List<Node> items = new ArrayList<>(base.size() + extra.size());
        items.addAll(base.items());
        for (Node item : extra) {
            if (!items.contains(item)) items.add(item);
        }
        return items.size() == base.size() ? base : base.withItems(items);
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.isNull();
    }

    /** The error for two kinds compose cannot merge, pointing at the override and naming the base. */
    static ModelException incompatible(Node base, Node override, YamlPath path) {
        String earlier = base.position().isKnown() ? " at " + base.position() : "";
        return new ModelException(override.position(), path,
                "cannot merge " + override.kind() + " over " + base.kind() + " defined earlier" + earlier,
                "write " + base.kind() + " here as the earlier definition does, or tag this value !override"
                        + " to replace the earlier one");
    }
}
