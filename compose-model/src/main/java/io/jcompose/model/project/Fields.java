package io.jcompose.model.project;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one mapping of the canonical tree, so that binding a field stays one line. An absent key and
 * an explicit YAML {@code null} read the same. A value of the wrong shape raises {@link ModelException} with
 * the node's position and YAML path; the path is only built then, never on the happy path.
 */
final class Fields {
    private final MapNode map;
    private final Slot slot;

    private Fields(MapNode map, Slot slot) {
        this.map = map;
        this.slot = slot;
    }

    static Fields root(MapNode map) {
        return new Fields(map, Slot.ROOT);
    }

    static Fields of(MapNode map, Slot slot) {
        return new Fields(map, slot);
    }

    MapNode map() {
        return map;
    }

    Slot slot() {
        return slot;
    }

    YamlPath path() {
        return slot.path();
    }

    /** The value at {@code key}, or {@code null} when absent or YAML null. */
    Node raw(String key) {
        Node n = map.get(key);
        return n == null || isNull(n) ? null : n;
    }

    boolean has(String key) {
        return raw(key) != null;
    }

    Slot at(String key) {
        return slot.key(key);
    }

    // ---- scalars -------------------------------------------------------------------------------------------

    String str(String key) {
        Node n = raw(key);
        if (n == null) return null;
        if (n instanceof ScalarNode s) return s.text();
        throw Scalars.wrong(n, at(key), "a string", null);
    }

    String strOr(String key, String fallback) {
        String s = str(key);
        return s == null ? fallback : s;
    }

    Long longOrNull(String key) {
        Node n = raw(key);
        return n == null ? null : Scalars.toLong(n, at(key));
    }

    Integer intOrNull(String key) {
        Long l = longOrNull(key);
        if (l == null) return null;
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw Scalars.wrong(raw(key), at(key), "a number that fits in 32 bits", null);
        }
        return l.intValue();
    }

    int intOr(String key, int fallback) {
        Integer i = intOrNull(key);
        return i == null ? fallback : i;
    }

    Double doubleOrNull(String key) {
        Node n = raw(key);
        return n == null ? null : Scalars.toDouble(n, at(key));
    }

    boolean bool(String key) {
        return boolOr(key, false);
    }

    boolean boolOr(String key, boolean fallback) {
        Boolean b = boolOrNull(key);
        return b == null ? fallback : b;
    }

    Boolean boolOrNull(String key) {
        Node n = raw(key);
        return n == null ? null : Scalars.toBool(n, at(key));
    }

    Duration duration(String key) {
        Node n = raw(key);
        return n == null ? null : Scalars.toDuration(n, at(key));
    }

    /** A byte size: a number of bytes, or a string such as {@code 512m}. */
    Long bytes(String key) {
        Node n = raw(key);
        return n == null ? null : Scalars.toBytes(n, at(key));
    }

    /** A file mode: a number ({@code 288}) or an octal string ({@code "0440"}). */
    Integer fileMode(String key) {
        Node n = raw(key);
        return n == null ? null : Scalars.toFileMode(n, at(key));
    }

    /** Microseconds: a number, or a Go duration such as {@code 10ms} (cpu_rt_period, cpu_rt_runtime). */
    Long micros(String key) {
        Node n = raw(key);
        return n == null ? null : Scalars.toMicros(n, at(key));
    }

    <E extends Enum<E> & WireValue> E choice(String key, E[] values) {
        Node n = raw(key);
        return n == null ? null : Scalars.toChoice(n, at(key), values);
    }

    // ---- collections ---------------------------------------------------------------------------------------

    /** A list of strings; a single string counts as a one-item list (compose's string_or_list). */
    List<String> strList(String key) {
        Node n = raw(key);
        if (n == null) return List.of();
        if (n instanceof ScalarNode s) return List.of(s.text());
        if (!(n instanceof SeqNode seq)) throw Scalars.wrong(n, at(key), "a list of strings", null);
        List<String> out = new ArrayList<>(seq.size());
        for (int i = 0; i < seq.size(); i++) out.add(Scalars.text(seq.get(i), at(key).index(i)));
        return out;
    }

    /** {@code command}/{@code entrypoint}: {@code null} when unset, else the exec-form list. */
    List<String> command(String key) {
        Node n = raw(key);
        if (n == null) return null;
        if (!(n instanceof SeqNode)) {
            throw Scalars.wrong(n, at(key), "a list of strings",
                    "the canonical form holds commands as lists; a string command must be split by the loader");
        }
        return strList(key);
    }

    /** A string map where a {@code null} value reads as "" (labels, options). Lists of {@code K=V} are accepted. */
    Map<String, String> strMap(String key) {
        return stringMap(key, "");
    }

    /** An environment-style map: a {@code null} value (or a bare {@code K} in list form) stays {@code null}. */
    Map<String, String> envMap(String key) {
        return stringMap(key, null);
    }

    private Map<String, String> stringMap(String key, String nullValue) {
        Node n = raw(key);
        if (n == null) return Map.of();
        Map<String, String> out = new LinkedHashMap<>();
        if (n instanceof MapNode m) {
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                Node v = e.getValue();
                out.put(e.getKey(), isNull(v) ? nullValue : Scalars.text(v, at(key).key(e.getKey())));
            }
        } else if (n instanceof SeqNode seq) {
            for (int i = 0; i < seq.size(); i++) {
                String item = Scalars.text(seq.get(i), at(key).index(i));
                int eq = item.indexOf('=');
                if (eq < 0) out.put(item, nullValue);
                else out.put(item.substring(0, eq), item.substring(eq + 1));
            }
        } else {
            throw Scalars.wrong(n, at(key), "a mapping of strings", null);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The mapping at {@code key}, or {@code null} when absent. */
    Fields obj(String key) {
        Node n = raw(key);
        if (n == null) return null;
        if (n instanceof MapNode m) return new Fields(m, at(key));
        throw Scalars.wrong(n, at(key), "a mapping", null);
    }

    /** The items of the sequence at {@code key}; empty when absent. */
    List<Element> items(String key) {
        Node n = raw(key);
        if (n == null) return List.of();
        if (!(n instanceof SeqNode seq)) throw Scalars.wrong(n, at(key), "a list", null);
        List<Element> out = new ArrayList<>(seq.size());
        for (int i = 0; i < seq.size(); i++) out.add(new Element(seq.get(i), at(key).index(i), null, null));
        return out;
    }

    /** The entries of the mapping at {@code key}, in document order; empty when absent. */
    List<Element> entries(String key) {
        Node n = raw(key);
        if (n == null) return List.of();
        if (!(n instanceof MapNode m)) throw Scalars.wrong(n, at(key), "a mapping", null);
        return entriesOf(m, at(key));
    }

    static List<Element> entriesOf(MapNode m, Slot slot) {
        List<Element> out = new ArrayList<>(m.size());
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            out.add(new Element(e.getValue(), slot.key(e.getKey()), e.getKey(), m.keyPosition(e.getKey())));
        }
        return out;
    }

    /** The {@code x-*} keys of this mapping as plain Java values. */
    Map<String, Object> extensions() {
        Map<String, Object> out = null;
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            if (!e.getKey().startsWith("x-")) continue;
            if (out == null) out = new LinkedHashMap<>();
            out.put(e.getKey(), Scalars.plain(e.getValue()));
        }
        return out == null ? Map.of() : Collections.unmodifiableMap(out);
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.isNull();
    }
}
