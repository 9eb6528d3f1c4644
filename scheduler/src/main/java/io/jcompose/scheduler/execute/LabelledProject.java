package io.jcompose.scheduler.execute;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.model.project.DependsOn;
import io.jcompose.scheduler.graph.DependencyEdge;
import io.jcompose.scheduler.graph.ServiceGraph;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.node.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A project as its labels describe it, without the compose file: containers by service, and the dependency
 * graph read back from {@code com.docker.compose.depends_on}. This is what {@code down}, {@code stop},
 * {@code start}, {@code ps} work from, so they work after the file is gone and never touch another project.
 */
public final class LabelledProject {
    private final String name;
    private final Map<String, List<ContainerView>> containers;
    private final List<DependencyEdge> edges;
    /** Built on first use: listing containers ({@code ps}, {@code logs}) never needs the graph. */
    private ServiceGraph graph;

    private LabelledProject(String name, Map<String, List<ContainerView>> containers, List<DependencyEdge> edges,
                            ServiceGraph graph) {
        this.name = name;
        this.containers = containers;
        this.edges = edges;
        this.graph = graph;
    }

    public String name() {
        return name;
    }

    /** The containers by service name, each list by container name. */
    public Map<String, List<ContainerView>> containers() {
        return containers;
    }

    /** The services' dependency graph, from the {@code depends_on} labels of their containers. */
    public synchronized ServiceGraph graph() {
        if (graph == null) graph = ServiceGraph.of(containers.keySet(), edges);
        return graph;
    }

    public static LabelledProject find(Node node, String project) {
        return of(project, node.containers(List.of(Labels.projectFilter(project))));
    }

    public static LabelledProject of(String project, Collection<ContainerView> found) {
        Map<String, List<ContainerView>> byService = new TreeMap<>();
        for (ContainerView c : found) {
            if (!project.equals(c.labels().get(Labels.PROJECT))) continue; // defence: a filter is a promise, not a proof
            String service = c.labels().getOrDefault(Labels.SERVICE, c.name());
            byService.computeIfAbsent(service, k -> new ArrayList<>()).add(c);
        }
        // not Comparator.comparing: its lambdas are serializable ones, which the startup cache never holds
        byService.values().forEach(l -> l.sort((a, b) -> a.name().compareTo(b.name())));
        List<DependencyEdge> edges = new ArrayList<>();
        for (Map.Entry<String, List<ContainerView>> e : byService.entrySet()) {
            String label = e.getValue().getFirst().labels().get(Labels.DEPENDS_ON);
            for (String[] f : Labels.parseDependsOn(label)) {
                DependsOn.Condition condition = DependsOn.Condition.SERVICE_STARTED;
                for (DependsOn.Condition c : DependsOn.Condition.values()) {
                    if (f.length > 1 && c.wire().equals(f[1])) condition = c;
                }
                // Required only when the dependency still has containers: a label may name a service long gone.
                edges.add(new DependencyEdge(e.getKey(), f[0], DependencyEdge.Kind.DEPENDS_ON, condition,
                        byService.containsKey(f[0]),
                        f.length > 2 && Boolean.parseBoolean(f[2])));
            }
        }
        return new LabelledProject(project, byService, edges, null);
    }

    /** Only the given services (all when empty); unknown names are ignored here and reported by the caller. */
    public LabelledProject only(Collection<String> services) {
        if (services.isEmpty()) return this;
        Map<String, List<ContainerView>> kept = new LinkedHashMap<>();
        containers.forEach((s, l) -> {
            if (services.contains(s)) kept.put(s, l);
        });
        return new LabelledProject(name, kept, edges, graph());
    }

    public List<ContainerView> all() {
        return containers.values().stream().flatMap(List::stream).toList();
    }
}
