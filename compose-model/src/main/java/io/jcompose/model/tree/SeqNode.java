package io.jcompose.model.tree;

import java.util.List;

/** A YAML sequence. */
public record SeqNode(List<Node> items, Position position, String tag) implements Node {
    public SeqNode {
        items = List.copyOf(items);
    }

    public static SeqNode of(List<? extends Node> items) {
        return new SeqNode(List.copyOf(items), Position.UNKNOWN, null);
    }

    public static SeqNode of(List<? extends Node> items, Position position) {
        return new SeqNode(List.copyOf(items), position, null);
    }

    public int size() {
        return items.size();
    }

    public Node get(int index) {
        return items.get(index);
    }

    public SeqNode withItems(List<? extends Node> newItems) {
        return new SeqNode(List.copyOf(newItems), position, tag);
    }

    @Override
    public SeqNode withTag(String newTag) {
        return new SeqNode(items, position, newTag);
    }

    /** Structural equality: items and tag, not where they were written. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SeqNode s && items.equals(s.items) && java.util.Objects.equals(tag, s.tag);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return items.toString();
    }

    @Override
    public String kind() {
        return "a sequence";
    }
}
