package io.jcompose.model.merge;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes what the {@code !reset} and {@code !override} tags mean once nothing lies beneath a value:
 * a {@code !reset} mapping entry or sequence item is dropped (compose-go removes it from its file
 * before merging, whatever the file's place in the stack), and an {@code !override} tag is dropped
 * while its value stays. Untouched subtrees are returned as the same instances.
 */
final class ResetTags {
    private ResetTags() {}

    static boolean isReset(Node node) {
        return Node.RESET.equals(node.tag());
    }

    static boolean isOverride(Node node) {
        return Node.OVERRIDE.equals(node.tag());
    }

    /**
     * The node without reset/override tags below it and without its own {@code !override} tag. A node
     * that is itself tagged {@code !reset} has no value left: callers drop it before calling; if one
     * arrives here it becomes a null scalar at its position.
     */
    static Node clean(Node node) {
        if (isReset(node)) return new ScalarNode(null, node.position(), null);
        // instanceof rather than a type switch: every switch site spins a class at run time that no startup cache
        // holds (docs/cli-startup.md); a node is a map, a sequence or a scalar
        Node cleaned = node instanceof MapNode map ? cleanMap(map) : node instanceof SeqNode seq ? cleanSeq(seq) : node;
        return isOverride(cleaned) ? cleaned.withTag(null) : cleaned;
    }

    /** The items of a sequence, cleaned, without its {@code !reset} items. */
    static List<Node> cleanItems(SeqNode seq) {
        return cleanSeq(seq).items();
    }

    private static MapNode cleanMap(MapNode map) {
        MapNode.Builder out = null;
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            Node value = e.getValue();
            if (isReset(value)) {
                if (out == null) out = map.toBuilder();
                out.remove(e.getKey());
                continue;
            }
            Node cleaned = clean(value);
            if (cleaned != value) {
                if (out == null) out = map.toBuilder();
                out.put(e.getKey(), cleaned, map.keyPosition(e.getKey()));
            }
        }
        return out == null ? map : out.build();
    }

    private static SeqNode cleanSeq(SeqNode seq) {
        List<Node> items = null;
        List<Node> source = seq.items();
        for (int i = 0; i < source.size(); i++) {
            Node item = source.get(i);
            Node cleaned = isReset(item) ? null : clean(item);
            if (cleaned != item && items == null) items = new ArrayList<>(source.subList(0, i));
            if (items != null && cleaned != null) items.add(cleaned);
        }
        return items == null ? seq : seq.withItems(items);
    }
}
