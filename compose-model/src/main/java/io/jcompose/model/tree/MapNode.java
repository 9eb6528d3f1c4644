package io.jcompose.model.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A YAML mapping with string keys, in document order. Keys keep their own positions so that
 * "unknown key" errors point at the key, not at its value. Changes return copies.
 */
public final class MapNode implements Node {
    private final Map<String, Node> entries;
    private final Map<String, Position> keyPositions;
    private final Position position;
    private final String tag;

    private MapNode(Map<String, Node> entries, Map<String, Position> keyPositions, Position position, String tag) {
        this.entries = Collections.unmodifiableMap(entries);
        this.keyPositions = Collections.unmodifiableMap(keyPositions);
        this.position = position;
        this.tag = tag;
    }

    public static MapNode empty(Position position) {
        return new MapNode(new LinkedHashMap<>(), new LinkedHashMap<>(), position, null);
    }

    public static MapNode empty() {
        return empty(Position.UNKNOWN);
    }

    public static Builder builder(Position position) {
        return new Builder(position);
    }

    public static Builder builder() {
        return new Builder(Position.UNKNOWN);
    }

    public Map<String, Node> entries() {
        return entries;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value, or {@code null} when the key is absent (a present YAML null is a ScalarNode). */
    public Node get(String key) {
        return entries.get(key);
    }

    /** The key's own position, falling back to the value's, then to the map's. */
    public Position keyPosition(String key) {
        Position p = keyPositions.get(key);
        if (p != null) return p;
        Node v = entries.get(key);
        return v != null ? v.position() : position;
    }

    public MapNode with(String key, Node value) {
        Builder b = toBuilder();
        b.put(key, value, keyPositions.getOrDefault(key, value.position()));
        return b.build();
    }

    public MapNode without(String key) {
        if (!entries.containsKey(key)) return this;
        return toBuilder().remove(key).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(position);
        b.entries.putAll(entries);
        b.keyPositions.putAll(keyPositions);
        b.tag = tag;
        return b;
    }

    @Override
    public Position position() {
        return position;
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public MapNode withTag(String newTag) {
        return new MapNode(new LinkedHashMap<>(entries), new LinkedHashMap<>(keyPositions), position, newTag);
    }

    @Override
    public String kind() {
        return "a mapping";
    }

    /** Structural equality: entries and tag; positions are where a value was written, not what it is. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MapNode m && entries.equals(m.entries) && java.util.Objects.equals(tag, m.tag);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

    /** Mutable builder; {@link #build()} freezes it. */
    public static final class Builder {
        private Map<String, Node> entries = new LinkedHashMap<>();
        private Map<String, Position> keyPositions = new LinkedHashMap<>();
        private final Position position;
        private String tag;
        /** After build() the maps belong to the built node; a later change copies them first. */
        private boolean shared;

        private Builder(Position position) {
            this.position = position;
        }

        private void own() {
            if (shared) {
                entries = new LinkedHashMap<>(entries);
                keyPositions = new LinkedHashMap<>(keyPositions);
                shared = false;
            }
        }

        public Builder put(String key, Node value) {
            return put(key, value, value.position());
        }

        public Builder put(String key, Node value, Position keyPosition) {
            own();
            entries.put(key, value);
            keyPositions.put(key, keyPosition);
            return this;
        }

        public Builder remove(String key) {
            own();
            entries.remove(key);
            keyPositions.remove(key);
            return this;
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        public Node get(String key) {
            return entries.get(key);
        }

        public Builder tag(String newTag) {
            this.tag = newTag;
            return this;
        }

        public MapNode build() {
            shared = true;
            return new MapNode(entries, keyPositions, position, tag);
        }
    }
}
