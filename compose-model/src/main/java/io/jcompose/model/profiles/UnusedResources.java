package io.jcompose.model.profiles;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Drops the networks, volumes, secrets and configs no active service uses, as docker compose does for
 * every command unless {@code --all-resources}: after profiles and service selection, a stack creates only
 * what its services need. Works on the canonical tree.
 */
public final class UnusedResources {
    private UnusedResources() {
    }

    public static MapNode prune(MapNode project) {
        Map<String, Set<String>> used = Map.of("networks", new HashSet<>(), "volumes", new HashSet<>(),
                "secrets", new HashSet<>(), "configs", new HashSet<>());
        if (project.get("services") instanceof MapNode services) {
            for (Node s : services.entries().values()) {
                if (s instanceof MapNode service) collect(service, used);
            }
        }
        MapNode out = project;
        for (var kind : used.entrySet()) {
            if (!(project.get(kind.getKey()) instanceof MapNode resources)) continue;
            MapNode.Builder b = MapNode.builder(resources.position());
            for (String key : resources.keys()) {
                if (kind.getValue().contains(key)) b.put(key, resources.get(key), resources.keyPosition(key));
            }
            MapNode kept = b.build();
            out = kept.isEmpty() ? out.without(kind.getKey()) : out.with(kind.getKey(), kept);
        }
        return out;
    }

    private static void collect(MapNode service, Map<String, Set<String>> used) {
        if (service.get("networks") instanceof MapNode nets) used.get("networks").addAll(nets.keys());
        if (service.get("volumes") instanceof SeqNode volumes) {
            for (Node v : volumes.items()) {
                if (v instanceof MapNode m && m.get("type") instanceof ScalarNode t && "volume".equals(t.value())
                        && m.get("source") instanceof ScalarNode src && !src.text().isEmpty()) {
                    used.get("volumes").add(src.text());
                }
            }
        }
        sources(service.get("secrets"), used.get("secrets"));
        sources(service.get("configs"), used.get("configs"));
        if (service.get("build") instanceof MapNode build) sources(build.get("secrets"), used.get("secrets"));
    }

    private static void sources(Node refs, Set<String> into) {
        if (!(refs instanceof SeqNode seq)) return;
        for (Node r : seq.items()) {
            Node src = r instanceof MapNode m ? m.get("source") : r;
            if (src instanceof ScalarNode s && !s.isNull()) into.add(s.text());
        }
    }
}
