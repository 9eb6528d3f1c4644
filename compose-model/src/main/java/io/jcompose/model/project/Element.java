package io.jcompose.model.project;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One item of a sequence or one entry of a mapping, with where it sits. {@code name} and {@code keyPosition} are
 * the mapping key and where it was written, both {@code null} for a sequence item.
 */
record Element(Node node, Slot slot, String name, Position keyPosition) {

    boolean isNull() {
        return Fields.isNull(node);
    }

    boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    /** The item as a mapping; a YAML {@code null} reads as an empty one. */
    Fields fields() {
        if (node instanceof MapNode m) return Fields.of(m, slot);
        if (isNull()) return Fields.of(MapNode.empty(node.position()), slot);
        throw error("a mapping", null);
    }

    String text() {
        return Scalars.text(node, slot);
    }

    /** A string, or a list of strings. */
    List<String> strings() {
        if (!(node instanceof SeqNode seq)) return List.of(text());
        List<String> out = new ArrayList<>(seq.size());
        for (int i = 0; i < seq.size(); i++) out.add(Scalars.text(seq.get(i), slot.index(i)));
        return out;
    }

    ModelException error(String expected, String fix) {
        return Scalars.wrong(node, slot, expected, fix);
    }
}
