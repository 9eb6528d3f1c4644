package io.jcompose.model.merge;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What makes two entries of a list "the same entry" for compose: the key of {@code KEY=VALUE}, the
 * port a port entry publishes, the container path a mount targets... Each function returns
 * {@code null} when an entry has no readable key; such an entry is never merged with another.
 */
final class EntryKeys {
    private EntryKeys() {}

    /**
     * Keeps one entry per key: the first occurrence's place, the last occurrence's value, as
     * compose-go's unicity pass does.
     */
    static List<Node> uniqueBy(List<Node> entries, Function<Node, String> key) {
        List<Node> out = new ArrayList<>(entries.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Node entry : entries) {
            String k = key.apply(entry);
            Integer at = k == null ? null : seen.putIfAbsent(k, out.size());
            if (at == null) out.add(entry);
            else out.set(at, entry);
        }
        return out;
    }

    /** {@code KEY=VALUE} and {@code KEY} are keyed by {@code KEY}; any other scalar by its text. */
    static String keyValue(Node entry) {
        if (!(entry instanceof ScalarNode s) || s.isNull()) return null;
        String text = GoText.of(s.value());
        int eq = text.indexOf('=');
        return eq >= 0 ? text.substring(0, eq) : text;
    }

    /** {@code HOST=IP} or {@code HOST:IP}: the host name, for removing a host an override resets. */
    static String hostName(Node entry) {
        String key = keyValue(entry);
        if (key == null || !key.equals(text(entry))) return key;
        int colon = key.indexOf(':');
        return colon >= 0 ? key.substring(0, colon) : key;
    }

    /** Host IP, published port, target port and protocol, whichever syntax the entry uses. */
    static String port(Node entry) {
        // These keys use instanceof rather than type switches: every switch site spins a class at run time that no
        // startup cache holds (docs/cli-startup.md), and merging runs on every command that loads a file.
        if (entry instanceof ScalarNode s && s.value() instanceof String spec) {
            ShortSyntax.Port port = ShortSyntax.port(spec);
            return port == null ? null : port.key();
        }
        if (entry instanceof ScalarNode s && !s.isNull()) return new ShortSyntax.Port(null, null, s.text(), null).key();
        if (entry instanceof MapNode m && text(m.get("target")) != null) {
            return new ShortSyntax.Port(text(m.get("host_ip")), text(m.get("published")), text(m.get("target")),
                    text(m.get("protocol"))).key();
        }
        return null;
    }

    /** The container path a volume mounts on. */
    static String volume(Node entry) {
        if (entry instanceof ScalarNode s && s.value() instanceof String spec) return ShortSyntax.volumeTarget(spec);
        return entry instanceof MapNode m ? text(m.get("target")) : null;
    }

    /** The container path a device appears at. */
    static String device(Node entry) {
        if (entry instanceof ScalarNode s && s.value() instanceof String spec) return ShortSyntax.deviceTarget(spec);
        return entry instanceof MapNode m ? text(m.get("target")) : null;
    }

    /** The file a secret or config is mounted as: its target, else {@code dir/SOURCE}. */
    static Function<Node, String> mount(String dir) {
        return entry -> {
                if (entry instanceof ScalarNode s && s.value() instanceof String name) return dir + "/" + name;
            if (entry instanceof MapNode m && text(m.get("target")) != null) return text(m.get("target"));
            if (entry instanceof MapNode m && text(m.get("source")) != null) return dir + "/" + text(m.get("source"));
            return null;
        };
    }

    /** An env file by its path, in either syntax. */
    static String envFile(Node entry) {
        if (entry instanceof ScalarNode s && s.value() instanceof String path) return path;
        return entry instanceof MapNode m ? text(m.get("path")) : null;
    }

    /** An exposed port by its text: {@code 80} and {@code "80"} are one. */
    static String expose(Node entry) {
        return entry instanceof ScalarNode s && !s.isNull() ? s.text() : null;
    }

    private static String text(Node node) {
        return node instanceof ScalarNode s && !s.isNull() ? GoText.of(s.value()) : null;
    }
}
