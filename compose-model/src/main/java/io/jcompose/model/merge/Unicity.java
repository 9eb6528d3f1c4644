package io.jcompose.model.merge;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The lists whose entries are unique by some key, checked against compose-go's
 * {@code override/uncity.go}: after merging, a later entry replaces the earlier one with the same
 * key where that one stood. Mapping forms are left alone (a mapping cannot repeat a key).
 */
final class Unicity {
    private Unicity() {}

    private static final Function<Node, String> BY_KEY = EntryKeys::keyValue;

    static final PathRules<Function<Node, String>> TABLE = PathRules.<Function<Node, String>>builder()
            .add("services.*.environment", BY_KEY)
            .add("services.*.labels", BY_KEY)
            .add("services.*.annotations", BY_KEY)
            .add("services.*.sysctls", BY_KEY)
            .add("services.*.build.args", BY_KEY)
            .add("services.*.build.labels", BY_KEY)
            .add("services.*.build.additional_contexts", BY_KEY)
            .add("services.*.build.platforms", BY_KEY)
            .add("services.*.build.tags", BY_KEY)
            .add("services.*.deploy.labels", BY_KEY)
            .add("services.*.cap_add", BY_KEY)
            .add("services.*.cap_drop", BY_KEY)
            .add("services.*.dns", BY_KEY)
            .add("services.*.dns_opt", BY_KEY)
            .add("services.*.dns_search", BY_KEY)
            .add("services.*.links", BY_KEY)
            .add("services.*.profiles", BY_KEY)
            .add("services.*.tmpfs", BY_KEY)
            .add("services.*.networks.*.aliases", BY_KEY)
            .add("services.*.networks.*.link_local_ips", BY_KEY)
            .add("networks.*.labels", BY_KEY)
            .add("networks.*.ipam.options", BY_KEY)
            .add("volumes.*.labels", BY_KEY)
            .add("secrets.*.labels", BY_KEY)
            .add("configs.*.labels", BY_KEY)
            .add("services.*.env_file", EntryKeys::envFile)
            .add("services.*.label_file", EntryKeys::envFile)
            .add("services.*.expose", EntryKeys::expose)
            .add("services.*.ports", EntryKeys::port)
            .add("services.*.volumes", EntryKeys::volume)
            .add("services.*.devices", EntryKeys::device)
            .add("services.*.secrets", EntryKeys.mount("/run/secrets"))
            .add("services.*.configs", EntryKeys.mount(""))
            .build();

    static MapNode enforce(MapNode project) {
        return TABLE.reachesBelow(YamlPath.ROOT) ? walk(project, YamlPath.ROOT) : project;
    }

    /** Visits only the entries some rule can reach, building a child path only to descend. */
    private static MapNode walk(MapNode map, YamlPath path) {
        MapNode.Builder out = null;
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            String key = e.getKey();
            Node value = e.getValue();
            // instanceof rather than a type switch: every switch site spins a class at run time that no startup cache
            // holds (docs/cli-startup.md)
            Node child = value;
            if (value instanceof MapNode nested && TABLE.reachesBelow(path, key)) child = walk(nested, path.key(key));
            else if (value instanceof SeqNode seq) child = unique(seq, TABLE.find(path, key));
            if (child != value) {
                if (out == null) out = map.toBuilder();
                out.put(key, child, map.keyPosition(key));
            }
        }
        return out == null ? map : out.build();
    }

    private static SeqNode unique(SeqNode seq, Function<Node, String> key) {
        if (key == null) return seq;
        List<Node> unique = EntryKeys.uniqueBy(seq.items(), key);
        return unique.size() == seq.size() ? seq : seq.withItems(unique);
    }
}
