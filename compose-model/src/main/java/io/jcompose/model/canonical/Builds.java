package io.jcompose.model.canonical;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code build}: a string is the context; the context defaults to the project directory and is made
 * absolute unless it is a URL, a git remote or a {@code service:} reference; {@code dockerfile}
 * defaults to {@code Dockerfile} unless the Dockerfile is inline; bare build args come from the
 * interpolation environment or are dropped.
 */
final class Builds {
    private Builds() {
    }

    private static final Rule CONTEXT = (v, p, rc) -> Values.str(rc.paths().contextPath(Values.text(v, p)), v);

    private static final Rule ADDITIONAL_CONTEXTS = (v, p, rc) -> {
        MapNode m = Mappings.collect(v, p, false);
        if (m == null) return null;
        MapNode.Builder out = MapNode.builder(m.position());
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            String value = ((ScalarNode) e.getValue()).value().toString();
            out.put(e.getKey(), Values.str(rc.paths().contextPath(value), e.getValue()), m.keyPosition(e.getKey()));
        }
        return out.build();
    };

    /** {@code ssh}: {@code default} or {@code id=path} entries, or an {@code id: path} mapping; printed sorted by id. */
    private static final Rule SSH = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        Map<String, String> keys = new TreeMap<>();
        if (v instanceof MapNode m) {
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                keys.put(e.getKey(), Values.isNull(e.getValue()) ? "" : Values.text(e.getValue(), p.key(e.getKey())));
            }
        } else {
            List<Node> items = Values.items(v, p);
            for (int i = 0; i < items.size(); i++) {
                String entry = Values.text(items.get(i), p.index(i));
                int eq = entry.indexOf('=');
                if (eq < 0 && !entry.equals("default")) {
                    throw Values.error(items.get(i), p.index(i), "invalid ssh key \"" + entry + "\"",
                            "write default or id=path");
                }
                keys.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
            }
        }
        if (keys.isEmpty()) return null;
        List<Node> out = new ArrayList<>();
        keys.forEach((id, path) -> out.add(Values.str(path.isEmpty() ? id : id + "=" + path, v)));
        return SeqNode.of(out, v.position());
    };

    private static final StructRule LONG = StructRule.of(
                    "context", CONTEXT,
                    "dockerfile", Rules.STRING,
                    "dockerfile_inline", Rules.STRING,
                    "entitlements", Rules.STRING_LIST,
                    "args", Mappings.BUILD_ARGS,
                    "provenance", Rules.STRING,
                    "sbom", Rules.STRING,
                    "ssh", SSH,
                    "labels", Mappings.STRINGS,
                    "cache_from", Rules.STRING_LIST,
                    "cache_to", Rules.STRING_LIST,
                    "no_cache", Rules.BOOL,
                    "no_cache_filter", Rules.STRING_LIST,
                    "additional_contexts", ADDITIONAL_CONTEXTS,
                    "pull", Rules.BOOL,
                    "extra_hosts", Mappings.EXTRA_HOSTS,
                    "isolation", Rules.STRING,
                    "network", Rules.STRING,
                    "target", Rules.STRING,
                    "secrets", Mounts.SECRETS,
                    "shm_size", Rules.BYTES,
                    "tags", Rules.STRING_LIST,
                    "ulimits", Resources.ULIMITS,
                    "platforms", Rules.STRING_LIST,
                    "privileged", Rules.BOOL)
            .then(Builds::defaults);

    static final Rule BUILD = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        if (v instanceof ScalarNode s) {
            MapNode.Builder b = MapNode.builder(s.position());
            b.put("context", s);
            return LONG.build(b.build(), p, rc);
        }
        return LONG.build(Values.map(v, p), p, rc);
    };

    private static void defaults(MapNode.Builder out, MapNode src, YamlPath path, RuleContext rc) {
        if (!out.has("context")) {
            out.put("context", Values.str(rc.paths().contextPath("."), src), src.position());
        }
        if (!src.has("dockerfile") && !src.has("dockerfile_inline")) {
            out.put("dockerfile", Values.str("Dockerfile", src), src.position());
        }
    }
}
