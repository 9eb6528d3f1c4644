package io.jcompose.model.consistency;

import io.jcompose.model.ModelException;
import io.jcompose.model.Suggestions;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that the parts of a canonical project fit together: every reference names something defined
 * (services, networks, volumes, secrets, configs), no service both sets {@code network_mode} and joins
 * {@code networks}, external resources carry no creation attributes, every service has an image or a
 * build, replica settings agree, and the dependency graph has no cycle (the error names the whole cycle).
 */
public final class ConsistencyChecker {
    /** Attributes that create a resource; with {@code external: true} they can never take effect. */
    private static final Map<String, List<String>> CREATION_ATTRIBUTES = Map.of(
            "networks", List.of("driver", "driver_opts", "ipam", "internal", "attachable", "enable_ipv6",
                    "enable_ipv4", "labels"),
            "volumes", List.of("driver", "driver_opts", "labels"),
            "secrets", List.of("file", "environment", "driver", "driver_opts", "template_driver", "labels"),
            "configs", List.of("file", "environment", "content", "template_driver", "labels"));

    private ConsistencyChecker() {
    }

    public static void check(MapNode project) {
        MapNode services = map(project, "services");
        for (var kind : CREATION_ATTRIBUTES.entrySet()) checkExternal(map(project, kind.getKey()), kind);
        for (String name : services.keys()) {
            MapNode service = (MapNode) services.get(name);
            YamlPath at = YamlPath.of("services", name);
            checkImageOrBuild(service, at, services.keyPosition(name));
            checkNetworks(project, service, at);
            checkServiceRefs(services, service, at);
            checkVolumes(project, service, at);
            checkFileRefs(project, service, at, "secrets");
            checkFileRefs(project, service, at, "configs");
            checkReplicas(service, at);
        }
        checkCycles(services);
    }

    private static void checkExternal(MapNode resources, Map.Entry<String, List<String>> kind) {
        for (String key : resources.keys()) {
            if (!(resources.get(key) instanceof MapNode r) || !isTrue(r.get("external"))) continue;
            for (String attr : kind.getValue()) {
                if (isSet(r.get(attr))) {
                    throw new ModelException(r.keyPosition(attr), YamlPath.of(kind.getKey(), key, attr),
                            "conflicting parameters \"external\" and \"" + attr + "\" specified for "
                                    + singular(kind.getKey()) + " \"" + key + "\"",
                            "an external " + singular(kind.getKey()) + " is never created by jcompose: remove \""
                                    + attr + "\", or remove \"external\" to let jcompose create it");
                }
            }
        }
    }

    private static void checkImageOrBuild(MapNode service, YamlPath at, Position where) {
        if (!service.has("image") && !service.has("build")) {
            throw new ModelException(where, at, "service \"" + at.last() + "\" has neither an image nor a build"
                    + " context specified", "add image: NAME or build: DIRECTORY");
        }
    }

    private static void checkNetworks(MapNode project, MapNode service, YamlPath at) {
        Node mode = service.get("network_mode");
        Node nets = service.get("networks");
        if (mode != null && nets instanceof MapNode m && !m.isEmpty()) {
            throw new ModelException(service.keyPosition("network_mode"), at.key("network_mode"),
                    "service \"" + at.last() + "\" declares mutually exclusive `network_mode` and `networks`",
                    "remove one of them: network_mode: " + ((ScalarNode) mode).text()
                            + " shares another namespace, so the service cannot join networks");
        }
        if (nets instanceof MapNode m) {
            MapNode defined = map(project, "networks");
            for (String net : m.keys()) {
                if (!defined.has(net)) {
                    throw new ModelException(m.keyPosition(net), at.key("networks").key(net),
                            "service \"" + at.last() + "\" refers to undefined network \"" + net + "\"",
                            "declare it under the top-level networks: key" + suggest(net, defined.keys()));
                }
            }
        }
    }

    private static void checkServiceRefs(MapNode services, MapNode service, YamlPath at) {
        if (service.get("depends_on") instanceof MapNode deps) {
            for (String dep : deps.keys()) {
                if (!services.has(dep) && isRequired(deps.get(dep))) {
                    throw new ModelException(deps.keyPosition(dep), at.key("depends_on").key(dep),
                            "service \"" + at.last() + "\" depends on undefined service \"" + dep + "\"",
                            "define the service, or fix the name" + suggest(dep, services.keys()));
                }
            }
        }
        for (String attr : List.of("network_mode", "ipc", "pid", "uts", "cgroup")) {
            if (service.get(attr) instanceof ScalarNode s && s.text().startsWith("service:")) {
                String target = s.text().substring("service:".length());
                if (!services.has(target)) {
                    throw new ModelException(s.position(), at.key(attr), "service \"" + at.last() + "\" refers to"
                            + " undefined service \"" + target + "\" in " + attr,
                            "define the service, or fix the name" + suggest(target, services.keys()));
                }
            }
        }
        if (service.get("volumes_from") instanceof SeqNode from) {
            int i = 0;
            for (Node n : from.items()) {
                String ref = ((ScalarNode) n).text();
                String target = ref.split(":")[0];
                if (!ref.startsWith("container:") && !services.has(target)) {
                    throw new ModelException(n.position(), at.key("volumes_from").index(i), "service \"" + at.last()
                            + "\" mounts volumes from undefined service \"" + target + "\"",
                            "use a service name, or container:NAME for a container outside the project");
                }
                i++;
            }
        }
        if (service.get("links") instanceof SeqNode links) {
            int i = 0;
            for (Node n : links.items()) {
                String target = ((ScalarNode) n).text().split(":")[0];
                if (!services.has(target)) {
                    throw new ModelException(n.position(), at.key("links").index(i), "service \"" + at.last()
                            + "\" links to undefined service \"" + target + "\"",
                            "define the service, or fix the name" + suggest(target, services.keys()));
                }
                i++;
            }
        }
    }

    private static void checkVolumes(MapNode project, MapNode service, YamlPath at) {
        if (!(service.get("volumes") instanceof SeqNode volumes)) return;
        MapNode defined = map(project, "volumes");
        int i = 0;
        for (Node v : volumes.items()) {
            if (v instanceof MapNode m && m.get("type") instanceof ScalarNode t && "volume".equals(t.value())
                    && m.get("source") instanceof ScalarNode src && !src.text().isEmpty()
                    && !defined.has(src.text())) {
                throw new ModelException(src.position(), at.key("volumes").index(i), "service \"" + at.last()
                        + "\" refers to undefined volume " + src.text(),
                        "declare it under the top-level volumes: key, or write a path (./" + src.text()
                                + ") for a bind mount" + suggest(src.text(), defined.keys()));
            }
            i++;
        }
    }

    private static void checkFileRefs(MapNode project, MapNode service, YamlPath at, String kind) {
        if (!(service.get(kind) instanceof SeqNode refs)) return;
        MapNode defined = map(project, kind);
        int i = 0;
        for (Node r : refs.items()) {
            Node src = r instanceof MapNode m ? m.get("source") : r;
            if (src instanceof ScalarNode s && !defined.has(s.text())) {
                throw new ModelException(s.position(), at.key(kind).index(i), "service \"" + at.last()
                        + "\" refers to undefined " + singular(kind) + " " + s.text(),
                        "declare it under the top-level " + kind + ": key" + suggest(s.text(), defined.keys()));
            }
            i++;
        }
    }

    private static void checkReplicas(MapNode service, YamlPath at) {
        Long scale = service.get("scale") instanceof ScalarNode s && s.value() instanceof Long l ? l : null;
        Long replicas = service.get("deploy") instanceof MapNode d && d.get("replicas") instanceof ScalarNode r
                && r.value() instanceof Long l ? l : null;
        if (scale != null && replicas != null && !scale.equals(replicas)) {
            throw new ModelException(service.keyPosition("scale"), at.key("scale"), "scale (" + scale
                    + ") and deploy.replicas (" + replicas + ") disagree", "keep one of them");
        }
        long n = scale != null ? scale : replicas != null ? replicas : 1;
        if (n > 1 && service.get("container_name") instanceof ScalarNode cn) {
            throw new ModelException(service.keyPosition("container_name"), at.key("container_name"),
                    "service \"" + at.last() + "\" sets container_name \"" + cn.text() + "\" and " + n
                            + " replicas, but a container name must be unique",
                    "remove container_name to let jcompose name the replicas, or use one replica");
        }
    }

    /** Depth-first search over depends_on and the implicit dependencies; reports the first cycle found. */
    private static void checkCycles(MapNode services) {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        for (String name : services.keys()) edges.put(name, dependencies((MapNode) services.get(name)));
        Map<String, Integer> state = new HashMap<>();
        for (String name : edges.keySet()) {
            List<String> stack = new ArrayList<>();
            visit(name, edges, state, stack, services);
        }
    }

    private static void visit(String name, Map<String, Set<String>> edges, Map<String, Integer> state,
                              List<String> stack, MapNode services) {
        Integer s = state.get(name);
        if (s != null && s == 2) return;
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(name), stack.size()));
            cycle.add(name);
            String from = cycle.get(cycle.size() - 2);
            throw new ModelException(services.keyPosition(from), YamlPath.of("services", from, "depends_on"),
                    "dependency cycle detected: " + String.join(" -> ", cycle),
                    "remove one of these dependencies so the services can start in order");
        }
        state.put(name, 1);
        stack.add(name);
        for (String dep : edges.getOrDefault(name, Set.of())) {
            if (edges.containsKey(dep)) visit(dep, edges, state, stack, services);
        }
        stack.removeLast();
        state.put(name, 2);
    }

    /** depends_on keys plus the implicit edges of links, volumes_from and service: namespaces. */
    public static Set<String> dependencies(MapNode service) {
        Set<String> out = new LinkedHashSet<>();
        if (service.get("depends_on") instanceof MapNode deps) out.addAll(deps.keys());
        if (service.get("links") instanceof SeqNode links) {
            for (Node n : links.items()) out.add(((ScalarNode) n).text().split(":")[0]);
        }
        if (service.get("volumes_from") instanceof SeqNode from) {
            for (Node n : from.items()) {
                String ref = ((ScalarNode) n).text();
                if (!ref.startsWith("container:")) out.add(ref.split(":")[0]);
            }
        }
        for (String attr : List.of("network_mode", "ipc", "pid", "uts", "cgroup")) {
            if (service.get(attr) instanceof ScalarNode s && s.text().startsWith("service:")) {
                out.add(s.text().substring("service:".length()));
            }
        }
        return out;
    }

    private static boolean isRequired(Node dependency) {
        return !(dependency instanceof MapNode m && m.get("required") instanceof ScalarNode r
                && Boolean.FALSE.equals(r.value()));
    }

    /** Present with a value that would do something: canonical form writes empty {@code ipam: {}}. */
    private static boolean isSet(Node n) {
        return switch (n) {
            case null -> false;
            case MapNode m -> !m.isEmpty();
            case SeqNode s -> s.size() > 0;
            case ScalarNode s -> !s.isNull() && !Boolean.FALSE.equals(s.value()) && !"".equals(s.value());
        };
    }

    private static boolean isTrue(Node n) {
        return n instanceof ScalarNode s && Boolean.TRUE.equals(s.value()) || n instanceof MapNode;
    }

    private static MapNode map(MapNode parent, String key) {
        return parent.get(key) instanceof MapNode m ? m : MapNode.empty();
    }

    private static String singular(String kind) {
        return kind.substring(0, kind.length() - 1);
    }

    /** ", did you mean "x"?" for a close name, else nothing. */
    static String suggest(String wrong, Set<String> candidates) {
        String best = Suggestions.closest(wrong, candidates);
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }
}
