package io.jcompose.model.profiles;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which services are active. A service without {@code profiles} always is; one with profiles is active when
 * one of them is enabled ({@code *} enables all). A service named on the command line enables its own
 * profiles. A required dependency of an active service on an inactive one is an error that names the profile
 * that would enable it. Top-level resources are never filtered.
 *
 * <p>Works on the canonical tree, where {@code depends_on} is a map.
 */
public final class ProfileSelection {
    private ProfileSelection() {
    }

    /** Every profile any service names, active or not. */
    public static SortedSet<String> allProfiles(MapNode project) {
        SortedSet<String> out = new TreeSet<>();
        for (Node s : services(project).entries().values()) {
            out.addAll(profilesOf(s));
        }
        return out;
    }

    /**
     * Removes inactive services. With {@code selected} non-empty, keeps only those services and what they
     * depend on (as {@code config SVC…} and {@code up SVC…} do).
     */
    public static MapNode apply(MapNode project, List<String> enabled, List<String> selected) {
        MapNode services = services(project);
        Set<String> profiles = new HashSet<>(enabled);
        for (String name : selected) {
            Node s = services.get(name);
            if (s == null) {
                throw ModelException.of("no such service: " + name,
                        "the services are: " + String.join(", ", services.keys()));
            }
            profiles.addAll(profilesOf(s));
        }
        Set<String> active = new LinkedHashSet<>();
        for (var e : services.entries().entrySet()) {
            List<String> own = profilesOf(e.getValue());
            if (own.isEmpty() || profiles.contains("*") || own.stream().anyMatch(profiles::contains)) {
                active.add(e.getKey());
            }
        }
        Set<String> keep = selected.isEmpty() ? active : closure(services, selected);
        MapNode.Builder b = MapNode.builder(services.position());
        for (String name : keep) {
            if (!active.contains(name)) continue;
            MapNode service = (MapNode) services.get(name);
            checkDependencies(services, name, service, active);
            b.put(name, service, services.keyPosition(name));
        }
        // Keep document order.
        MapNode.Builder ordered = MapNode.builder(services.position());
        MapNode built = b.build();
        for (String name : services.keys()) {
            if (built.has(name)) ordered.put(name, built.get(name), services.keyPosition(name));
        }
        return project.with("services", ordered.build());
    }

    private static Set<String> closure(MapNode services, List<String> selected) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(selected);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) continue;
            if (services.get(name) instanceof MapNode s && s.get("depends_on") instanceof MapNode deps) {
                todo.addAll(deps.keys());
            }
        }
        return seen;
    }

    private static void checkDependencies(MapNode services, String name, MapNode service, Set<String> active) {
        if (!(service.get("depends_on") instanceof MapNode deps)) return;
        for (String dep : deps.keys()) {
            if (active.contains(dep) || !services.has(dep) || !required(deps.get(dep))) continue;
            List<String> theirs = profilesOf(services.get(dep));
            YamlPath path = YamlPath.of("services", name, "depends_on", dep);
            throw new ModelException(deps.keyPosition(dep), path,
                    "service \"" + name + "\" depends on service \"" + dep + "\", which is disabled by its profiles "
                            + theirs,
                    "enable it with --profile " + theirs.getFirst() + " (or COMPOSE_PROFILES=" + theirs.getFirst()
                            + "), or mark the dependency required: false");
        }
    }

    private static boolean required(Node dependency) {
        return !(dependency instanceof MapNode m && m.get("required") instanceof ScalarNode r
                && Boolean.FALSE.equals(r.value()));
    }

    private static MapNode services(MapNode project) {
        return project.get("services") instanceof MapNode m ? m : MapNode.empty();
    }

    private static List<String> profilesOf(Node service) {
        if (service instanceof MapNode m && m.get("profiles") instanceof SeqNode seq) {
            return seq.items().stream().map(n -> ((ScalarNode) n).text()).toList();
        }
        return List.of();
    }
}
