package io.jcompose.scheduler.graph;

import io.jcompose.model.project.DependsOn;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.scheduler.SchedulerException;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.JohnsonSimpleCycles;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Who waits for whom. Vertices are service names; an edge goes from a dependency to the service that waits for
 * it, so a topological walk is a valid start order and its reverse a valid stop order. The executor does not
 * walk it level by level: it asks each service's own dependencies ({@link #dependenciesOf}).
 *
 * <p>Edges come from {@code depends_on} and from the attributes that imply an order: {@code links},
 * {@code volumes_from}, and {@code network_mode}/{@code ipc}/{@code pid} of the form {@code service:X}. A cycle is
 * refused with every service on it named.
 */
public final class ServiceGraph {
    /** Per service, what it waits for: dependency → edge. Insertion-ordered; every service has an entry. */
    private final Map<String, Map<String, DependencyEdge>> incoming;
    /** Per service, who waits for it: dependent → edge. */
    private final Map<String, Map<String, DependencyEdge>> outgoing;
    private final List<String> order;

    private ServiceGraph(Map<String, Map<String, DependencyEdge>> incoming,
                         Map<String, Map<String, DependencyEdge>> outgoing) {
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.order = topological(incoming, outgoing);
    }

    /** The graph of every service of {@code project}. */
    public static ServiceGraph of(Project project) {
        List<DependencyEdge> edges = new ArrayList<>();
        for (Service s : project.services().values()) edges.addAll(edgesOf(s, project.services().keySet()));
        return of(project.services().keySet(), edges);
    }

    /**
     * A graph of known services and edges; an edge to a service outside {@code services} is an error when it is
     * required and dropped otherwise (a {@code required: false} dependency that is not part of the project).
     */
    public static ServiceGraph of(Collection<String> services, Collection<DependencyEdge> edges) {
        // Plain maps rather than a graph library's structures: every command that plans builds this graph, and a
        // library graph (hashing the edge records, whose hashCode is bootstrapped at run time) cost each ~10 ms of
        // cold code. At most one edge per pair of services, a self-loop allowed, as a simple directed graph has.
        Map<String, Map<String, DependencyEdge>> incoming = new LinkedHashMap<>();
        Map<String, Map<String, DependencyEdge>> outgoing = new LinkedHashMap<>();
        for (String s : services) {
            incoming.putIfAbsent(s, new LinkedHashMap<>());
            outgoing.putIfAbsent(s, new LinkedHashMap<>());
        }
        for (DependencyEdge e : edges) {
            if (!incoming.containsKey(e.dependency())) {
                if (!e.required()) continue;
                throw new SchedulerException("service " + e.service() + " depends on " + e.dependency()
                        + " (through " + e.kind().source() + "), which is not a service of the project",
                        "define " + e.dependency() + ", enable its profile, or mark the dependency required: false");
            }
            if (!incoming.containsKey(e.service())) continue;
            DependencyEdge existing = incoming.get(e.service()).get(e.dependency());
            if (existing != null && !stronger(e, existing)) continue;
            incoming.get(e.service()).put(e.dependency(), e);
            outgoing.get(e.dependency()).put(e.service(), e);
        }
        return new ServiceGraph(incoming, outgoing);
    }

    /** Edges of one service: its {@code depends_on}, refined by the attributes that imply the same edge. */
    static List<DependencyEdge> edgesOf(Service s, Set<String> known) {
        String name = s.name().value();
        Map<String, DependencyEdge> out = new LinkedHashMap<>();
        for (Map.Entry<String, DependsOn> d : s.dependsOn().entrySet()) {
            DependsOn dep = d.getValue();
            out.put(d.getKey(), new DependencyEdge(name, d.getKey(), DependencyEdge.Kind.DEPENDS_ON, dep.condition(),
                    dep.required(), dep.restart()));
        }
        for (String link : s.links()) {
            int colon = link.indexOf(':');
            implied(out, name, colon < 0 ? link : link.substring(0, colon), DependencyEdge.Kind.LINK);
        }
        for (String from : s.volumesFrom()) {
            if (from.startsWith("container:")) continue;
            int colon = from.indexOf(':');
            implied(out, name, colon < 0 ? from : from.substring(0, colon), DependencyEdge.Kind.VOLUMES_FROM);
        }
        namespace(out, name, s.networkMode(), DependencyEdge.Kind.NETWORK_MODE);
        namespace(out, name, s.ipc(), DependencyEdge.Kind.IPC);
        namespace(out, name, s.pid(), DependencyEdge.Kind.PID);
        return List.copyOf(out.values());
    }

    private static void namespace(Map<String, DependencyEdge> out, String name, String mode, DependencyEdge.Kind kind) {
        if (mode != null && mode.startsWith("service:")) implied(out, name, mode.substring("service:".length()), kind);
    }

    /** An implied edge keeps a written condition but takes the stronger kind; implied edges always restart. */
    private static void implied(Map<String, DependencyEdge> out, String name, String dependency, DependencyEdge.Kind kind) {
        DependencyEdge written = out.get(dependency);
        if (written == null) {
            out.put(dependency, new DependencyEdge(name, dependency, kind, DependsOn.Condition.SERVICE_STARTED, true,
                    kind != DependencyEdge.Kind.VOLUMES_FROM));
        } else if (kind.sharesNamespace() || written.kind() == DependencyEdge.Kind.DEPENDS_ON) {
            out.put(dependency, new DependencyEdge(name, dependency, kind, written.condition(), written.required(),
                    written.restart()));
        }
    }

    private static boolean stronger(DependencyEdge candidate, DependencyEdge existing) {
        return candidate.kind().sharesNamespace() && !existing.kind().sharesNamespace();
    }

    /**
     * Dependencies first, ties by name (Kahn's order with the smallest ready name first, as JGraphT's topological
     * iterator with natural order gives). A cycle leaves services out: the graph library then finds every cycle,
     * so the message names the shortest.
     */
    private static List<String> topological(Map<String, Map<String, DependencyEdge>> incoming,
                                            Map<String, Map<String, DependencyEdge>> outgoing) {
        Map<String, Integer> waiting = new java.util.HashMap<>();
        java.util.PriorityQueue<String> ready = new java.util.PriorityQueue<>();
        for (Map.Entry<String, Map<String, DependencyEdge>> e : incoming.entrySet()) {
            if (e.getValue().isEmpty()) ready.add(e.getKey());
            else waiting.put(e.getKey(), e.getValue().size());
        }
        List<String> out = new ArrayList<>(incoming.size());
        while (!ready.isEmpty()) {
            String s = ready.poll();
            out.add(s);
            for (String dependent : outgoing.get(s).keySet()) {
                int left = waiting.get(dependent) - 1;
                waiting.put(dependent, left);
                if (left == 0) ready.add(dependent);
            }
        }
        if (out.size() == incoming.size()) return List.copyOf(out);
        Graph<String, DependencyEdge> g = new DefaultDirectedGraph<>(null, null, false);
        incoming.keySet().forEach(g::addVertex);
        incoming.values().forEach(deps -> deps.values().forEach(e -> g.addEdge(e.dependency(), e.service(), e)));
        return withCycleCheck(g);
    }

    private static List<String> withCycleCheck(Graph<String, DependencyEdge> g) {
        List<List<String>> cycles = new JohnsonSimpleCycles<>(g).findSimpleCycles();
        if (!cycles.isEmpty()) {
            List<String> cycle = cycles.stream()
                    .map(ServiceGraph::canonicalCycle)
                    .min(Comparator.<List<String>>comparingInt(List::size).thenComparing(List::toString))
                    .orElseThrow();
            throw new SchedulerException("dependency cycle: " + String.join(" → ", cycle),
                    "remove one of these dependencies (depends_on, links, volumes_from or a service: namespace)");
        }
        List<String> out = new ArrayList<>(g.vertexSet().size());
        new TopologicalOrderIterator<>(g, Comparator.<String>naturalOrder()).forEachRemaining(out::add);
        return List.copyOf(out);
    }

    /**
     * A cycle written as "a → b → c → a" where each arrow reads "depends on", starting at its smallest name so
     * that the message does not change between runs.
     */
    private static List<String> canonicalCycle(List<String> edgeOrder) {
        List<String> dependsOrder = new ArrayList<>(edgeOrder);
        java.util.Collections.reverse(dependsOrder);
        int start = dependsOrder.indexOf(dependsOrder.stream().min(Comparator.naturalOrder()).orElseThrow());
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= dependsOrder.size(); i++) out.add(dependsOrder.get((start + i) % dependsOrder.size()));
        return out;
    }

    /** Every service, dependencies before dependents (ties by name). */
    public List<String> startOrder() {
        return order;
    }

    /** Every service, dependents before their dependencies. */
    public List<String> stopOrder() {
        return order.reversed();
    }

    public Set<String> services() {
        return Set.copyOf(incoming.keySet());
    }

    /** What {@code service} waits for. */
    public List<DependencyEdge> dependenciesOf(String service) {
        return sorted(edges(incoming, service));
    }

    /** Who waits for {@code service}. */
    public List<DependencyEdge> dependentsOf(String service) {
        return sorted(edges(outgoing, service));
    }

    private static Map<String, DependencyEdge> edges(Map<String, Map<String, DependencyEdge>> side, String service) {
        Map<String, DependencyEdge> edges = side.get(service);
        // as the graph library answered a question about a service it does not hold
        if (edges == null) throw new IllegalArgumentException("no such vertex in graph: " + service);
        return edges;
    }

    /** The edges by the other service's name: the key of their map. */
    private static List<DependencyEdge> sorted(Map<String, DependencyEdge> edges) {
        if (edges.size() < 2) return List.copyOf(edges.values());
        return List.copyOf(new java.util.TreeMap<>(edges).values());
    }

    /** {@code selected} and everything they depend on, transitively, in start order. */
    public List<String> withDependencies(Collection<String> selected) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(selected);
        while (!todo.isEmpty()) {
            String s = todo.pop();
            if (!incoming.containsKey(s) || !seen.add(s)) continue;
            for (String dependency : incoming.get(s).keySet()) todo.push(dependency);
        }
        return order.stream().filter(seen::contains).toList();
    }
}
