package io.jcompose.model.canonical;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sequences whose entries are unique by a key once in long form (compose-go
 * {@code override/uncity.go}): expanding {@code 8080-8081:80-81} next to {@code 8081:81} reveals a
 * duplicate. A later entry replaces the earlier one in the earlier one's place.
 */
final class Unicity {
    private Unicity() {
    }

    private static final Map<String, Function<Node, String>> KEYS = Map.of(
            "ports", Unicity::portKey,
            "volumes", n -> field(n, "target", ""),
            "expose", n -> n instanceof ScalarNode s ? String.valueOf(s.value()) : n.toString(),
            "secrets", n -> mountKey(n, "/run/secrets"),
            "configs", n -> mountKey(n, ""));

    static MapNode enforce(MapNode service) {
        MapNode result = service;
        for (Map.Entry<String, Function<Node, String>> e : KEYS.entrySet()) {
            if (service.get(e.getKey()) instanceof SeqNode seq) {
                SeqNode unique = unique(seq, e.getValue());
                if (unique != seq) result = result.with(e.getKey(), unique);
            }
        }
        return result;
    }

    private static SeqNode unique(SeqNode seq, Function<Node, String> key) {
        Map<String, Integer> seen = new HashMap<>();
        List<Node> out = new ArrayList<>(seq.size());
        for (Node item : seq.items()) {
            Integer at = seen.putIfAbsent(key.apply(item), out.size());
            if (at == null) out.add(item);
            else out.set(at, item);
        }
        return out.size() == seq.size() ? seq : seq.withItems(out);
    }

    private static String portKey(Node n) {
        return field(n, "host_ip", "0.0.0.0") + ":" + field(n, "published", "") + ":"
                + field(n, "target", "") + "/" + field(n, "protocol", "tcp");
    }

    private static String mountKey(Node n, String dir) {
        String target = field(n, "target", null);
        return target != null ? target : dir + "/" + field(n, "source", "");
    }

    private static String field(Node n, String key, String absent) {
        if (n instanceof MapNode m && m.get(key) instanceof ScalarNode s && s.value() != null) {
            return String.valueOf(s.value());
        }
        return absent;
    }
}
