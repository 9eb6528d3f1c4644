package io.jcompose.model.canonical;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attributes written either as a mapping or as a {@code KEY=VALUE} list, brought to the mapping form
 * compose-go prints. The Go types differ in what a missing value becomes: {@code Labels} and
 * {@code Mapping} use {@code ""}, {@code MappingWithEquals} (environment, build args) uses {@code null}
 * so that the variable can still be taken from the environment.
 */
final class Mappings {
    private Mappings() {
    }

    /** {@code Labels}, {@code Mapping}, {@code Options}: every value a string, missing ones empty. */
    static final Rule STRINGS = (v, p, rc) -> collect(v, p, false);

    /** {@code MappingWithEquals} without resolution (hook environments). */
    static final Rule WITH_EQUALS = (v, p, rc) -> collect(v, p, true);

    /** {@code environment}: a bare {@code KEY} takes its value from the interpolation env, else stays null. */
    static final Rule ENVIRONMENT = resolving(true);

    /** {@code build.args}: a bare {@code KEY} takes its value from the interpolation env, else is dropped. */
    static final Rule BUILD_ARGS = resolving(false);

    /** {@code MultiOptions}: each value a list of strings. */
    static final Rule MULTI_OPTIONS = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        MapNode m = Values.map(v, p);
        if (m.isEmpty()) return null;
        MapNode.Builder out = MapNode.builder(m.position());
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            Node val = e.getValue();
            SeqNode list = val instanceof SeqNode ? Rules.strings(val, p.key(e.getKey()))
                    : SeqNode.of(List.of(Values.str(Values.text(val, p.key(e.getKey())), val)), val.position());
            out.put(e.getKey(), list == null ? SeqNode.of(List.of(), val.position()) : list, m.keyPosition(e.getKey()));
        }
        return out.build();
    };

    /** {@code HostsList}: {@code host=ip}/{@code host:ip} entries or a mapping, printed sorted as {@code host=ip}. */
    static final Rule EXTRA_HOSTS = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        Map<String, List<String>> hosts = new LinkedHashMap<>();
        if (v instanceof MapNode m) {
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                Node val = e.getValue();
                List<String> ips = new ArrayList<>();
                if (val instanceof SeqNode seq) {
                    for (int i = 0; i < seq.size(); i++) ips.add(Values.text(seq.get(i), p.key(e.getKey()).index(i)));
                } else {
                    ips.add(Values.text(val, p.key(e.getKey())));
                }
                hosts.put(e.getKey(), ips);
            }
        } else {
            List<Node> items = Values.items(v, p);
            for (int i = 0; i < items.size(); i++) {
                String entry = Values.text(items.get(i), p.index(i));
                int sep = entry.indexOf('=');
                if (sep < 0) sep = entry.indexOf(':');
                if (sep < 0) {
                    throw Values.error(items.get(i), p.index(i), "invalid additional host, missing IP: " + entry,
                            "write host=ip, for example myhost=10.0.0.5");
                }
                hosts.computeIfAbsent(entry.substring(0, sep), k -> new ArrayList<>())
                        .addAll(List.of(entry.substring(sep + 1).split(",", -1)));
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : hosts.entrySet()) {
            String host = e.getKey();
            if (host.isEmpty() || host.contains(":") || host.contains("=")) {
                throw Values.error(v, p, "bad host name '" + host + "'", "use a host name without ':' or '='");
            }
            for (String ip : e.getValue()) {
                if (ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]")) ip = ip.substring(1, ip.length() - 1);
                lines.add(host + "=" + ip);
            }
        }
        if (lines.isEmpty()) return null;
        lines.sort(null);
        List<Node> out = new ArrayList<>();
        for (String line : lines) out.add(Values.str(line, v));
        return SeqNode.of(out, v.position());
    };

    private static Rule resolving(boolean keepUnset) {
        return (v, p, rc) -> {
            MapNode m = collect(v, p, true);
            if (m == null) return null;
            MapNode.Builder out = MapNode.builder(m.position());
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                Node val = e.getValue();
                if (Values.isNull(val)) {
                    String resolved = rc.env(e.getKey());
                    if (resolved != null) val = Values.str(resolved, val);
                    else if (!keepUnset) continue;
                }
                out.put(e.getKey(), val, m.keyPosition(e.getKey()));
            }
            MapNode built = out.build();
            return built.isEmpty() ? null : built;
        };
    }

    /** The mapping form; {@code nullForMissing} chooses between null and "" for a key without value. */
    static MapNode collect(Node v, YamlPath p, boolean nullForMissing) {
        if (Values.isNull(v)) return null;
        MapNode.Builder out;
        if (v instanceof MapNode m) {
            out = MapNode.builder(m.position());
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                Node val = e.getValue();
                Node canonical = Values.isNull(val)
                        ? missing(nullForMissing, val.position())
                        : Values.str(Values.text(val, p.key(e.getKey())), val);
                out.put(e.getKey(), canonical, m.keyPosition(e.getKey()));
            }
        } else {
            List<Node> items = Values.items(v, p);
            out = MapNode.builder(v.position());
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String entry = Values.text(item, p.index(i));
                int eq = entry.indexOf('=');
                if (eq < 0) {
                    out.remove(entry);
                    out.put(entry, missing(nullForMissing, item.position()), item.position());
                } else {
                    String key = entry.substring(0, eq);
                    out.remove(key);
                    out.put(key, Values.str(entry.substring(eq + 1), item), item.position());
                }
            }
        }
        MapNode built = out.build();
        return built.isEmpty() ? null : built;
    }

    private static ScalarNode missing(boolean nullForMissing, Position at) {
        return nullForMissing ? Values.nil(at) : Values.str("", at);
    }
}
