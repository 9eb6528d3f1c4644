package io.jcompose.model.canonical;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.Map;

/**
 * compose-go's normalization ({@code loader/normalize.go}) on canonical services and resources:
 * a service without networks joins {@code default}, which is then declared; {@code links},
 * {@code service:x} namespaces and {@code volumes_from} become implicit dependencies; every network,
 * volume, secret and config gets its engine name ({@code <project>_<key>}, or the key itself when
 * external); {@code scale} is copied to {@code deploy.replicas}.
 */
final class Normalizer {
    private static final String[] NAMESPACES = {"network_mode", "ipc", "pid", "uts", "cgroup"};

    private Normalizer() {
    }

    record Service(MapNode service, boolean usesDefaultNetwork) {
    }

    static Service service(String name, MapNode s, RuleContext rc) {
        MapNode.Builder b = s.toBuilder();
        // ShellCommand has no omitempty in JSON: an unset command prints as null
        if (!b.has("command")) b.put("command", Values.nil(s.position()), s.position());
        if (!b.has("entrypoint")) b.put("entrypoint", Values.nil(s.position()), s.position());

        boolean usesDefault = false;
        if (!s.has("network_mode") && !s.has("provider")) {
            if (!(s.get("networks") instanceof MapNode nets) || nets.isEmpty()) {
                MapNode.Builder def = MapNode.builder(s.position());
                def.put("default", Values.nil(s.position()));
                b.put("networks", def.build(), s.keyPosition("networks"));
                usesDefault = true;
            } else {
                usesDefault = nets.has("default");
            }
        }

        MapNode deps = s.get("depends_on") instanceof MapNode d ? d : MapNode.empty(s.position());
        MapNode.Builder depends = deps.toBuilder();
        if (s.get("links") instanceof SeqNode links) {
            for (Node link : links.items()) {
                String[] parts = String.valueOf(((ScalarNode) link).value()).split(":", -1);
                implicit(depends, parts.length == 2 ? parts[0] : String.valueOf(((ScalarNode) link).value()), true, link);
            }
        }
        for (String ns : NAMESPACES) {
            if (s.get(ns) instanceof ScalarNode ref && ref.value() instanceof String v && v.startsWith("service:")) {
                implicit(depends, v.substring("service:".length()), true, ref);
            }
        }
        if (s.get("volumes_from") instanceof SeqNode from) {
            for (Node f : from.items()) {
                String v = String.valueOf(((ScalarNode) f).value());
                if (!v.startsWith("container:")) implicit(depends, v.split(":", -1)[0], false, f);
            }
        }
        MapNode dependsOn = depends.build();
        if (!dependsOn.isEmpty()) b.put("depends_on", dependsOn, s.keyPosition("depends_on"));

        if (s.get("scale") instanceof ScalarNode scale && s.get("deploy") instanceof MapNode deploy) {
            if (deploy.get("replicas") instanceof ScalarNode replicas && !replicas.value().equals(scale.value())) {
                throw Values.error(scale, YamlPath.of("services", name, "scale"),
                        "can't set distinct values on 'scale' and 'deploy.replicas'",
                        "keep one of them, or give both the same value");
            }
            b.put("deploy", deploy.with("replicas", scale), s.keyPosition("deploy"));
        }
        return new Service(Unicity.enforce(b.build()), usesDefault);
    }

    private static void implicit(MapNode.Builder depends, String service, boolean restart, Node from) {
        if (depends.has(service)) return;
        MapNode.Builder dep = MapNode.builder(from.position());
        dep.put("condition", Values.str("service_started", from));
        if (restart) dep.put("restart", Values.bool(true, from));
        dep.put("required", Values.bool(true, from));
        depends.put(service, dep.build(), from.position());
    }

    /** Declares the implicit default network and names every top-level resource. */
    static void project(MapNode.Builder project, boolean defaultNetworkUsed, RuleContext rc) {
        String projectName = rc.ctx().projectName();
        if (defaultNetworkUsed) {
            MapNode networks = project.get("networks") instanceof MapNode n ? n : MapNode.empty();
            if (!networks.has("default")) {
                MapNode def = ProjectResources.NETWORK.build(MapNode.empty(), YamlPath.of("networks", "default"), rc);
                project.put("networks", networks.with("default", def));
            }
        }
        for (String kind : new String[] {"networks", "volumes", "configs", "secrets"}) {
            if (!(project.get(kind) instanceof MapNode resources)) continue;
            MapNode.Builder named = resources.toBuilder();
            for (Map.Entry<String, Node> e : resources.entries().entrySet()) {
                MapNode r = (MapNode) e.getValue();
                if (r.has("name")) continue;
                boolean external = r.get("external") instanceof ScalarNode x && Boolean.TRUE.equals(x.value());
                String engineName = external ? e.getKey() : projectName + "_" + e.getKey();
                named.put(e.getKey(), withFirst(r, "name", Values.str(engineName, r)), resources.keyPosition(e.getKey()));
            }
            project.put(kind, named.build());
        }
    }

    /** Puts {@code key} first, where compose-go's structs declare {@code name}, for readable trees. */
    private static MapNode withFirst(MapNode map, String key, Node value) {
        MapNode.Builder b = MapNode.builder(map.position());
        b.put(key, value, map.position());
        map.entries().forEach((k, v) -> b.put(k, v, map.keyPosition(k)));
        return b.build();
    }
}
