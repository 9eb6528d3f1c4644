package io.jcompose.scheduler.execute;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.scheduler.graph.DependencyEdge;
import io.jcompose.scheduler.graph.ServiceGraph;
import io.jcompose.scheduler.node.Node;
import java.time.Duration;
import io.jcompose.agent.api.v1.StopSequenceRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The way down: stop in reverse dependency order, remove, kill. Used through {@link Executor}. */
final class Stopping {
    private final Executor executor;
    private final Node node;
    private final Duration stopTimeout;

    Stopping(Executor executor, Node node, Duration stopTimeout) {
        this.executor = executor;
        this.node = node;
        this.stopTimeout = stopTimeout;
    }

    /**
     * What a stop of a set of containers came to.
     *
     * @param networks with network labels given: each network the node removed afterwards and its error (null when
     *                 removed), in order; null when the node removed none itself (the caller removes them)
     */
    record Result(List<ServiceOutcome> containers, Map<String, String> networks) {
    }

    List<ServiceOutcome> stopAll(Map<String, List<ContainerView>> byService, ServiceGraph graph, boolean remove,
                                 boolean removeVolumes) throws InterruptedException {
        return stopAll(byService, graph, remove, removeVolumes, null).containers();
    }

    /** As {@link #stopAll(Map, ServiceGraph, boolean, boolean)}; with {@code networkLabels} the node may remove the networks too. */
    Result stopAll(Map<String, List<ContainerView>> byService, ServiceGraph graph, boolean remove, boolean removeVolumes,
                   List<String> networkLabels) throws InterruptedException {
        if (executor.unbounded()) {
            Result chained = inSequence(byService, graph, remove, removeVolumes, networkLabels);
            if (chained != null) return chained;
        }
        return new Result(oneByOne(byService, graph, remove, removeVolumes), null);
    }

    private List<ServiceOutcome> oneByOne(Map<String, List<ContainerView>> byService, ServiceGraph graph, boolean remove,
                                          boolean removeVolumes) throws InterruptedException {
        Map<String, CompletableFuture<Void>> done = new LinkedHashMap<>();
        for (String s : byService.keySet()) done.put(s, new CompletableFuture<>());
        Map<String, String> failures = new ConcurrentHashMap<>();
        List<Runnable> tasks = new ArrayList<>();
        for (Map.Entry<String, List<ContainerView>> e : byService.entrySet()) {
            tasks.add(() -> {
                try {
                    if (graph.services().contains(e.getKey())) {
                        for (DependencyEdge d : graph.dependentsOf(e.getKey())) {
                            CompletableFuture<Void> f = done.get(d.service());
                            if (f != null) f.join();
                        }
                    }
                    // A dependency may stop as soon as this service has stopped; removing its containers
                    // (snapshot, bundle, state) goes on meanwhile instead of holding up the way down.
                    List<Runnable> stops = new ArrayList<>();
                    for (ContainerView c : e.getValue()) stops.add(() -> {
                        try {
                            if (Executor.isActive(c)) executor.guarded("Container " + c.name(), "Stopping", "Stopped",
                                    () -> node.stop(c.id(), stopTimeout));
                        } catch (RuntimeException | InterruptedException ex) {
                            failures.merge(e.getKey(), c.name() + ": " + ex.getMessage(), (a, b) -> a + "; " + b);
                        }
                    });
                    Executor.runAll(stops);
                    done.get(e.getKey()).complete(null);
                    if (remove && !failures.containsKey(e.getKey())) {
                        List<Runnable> removals = new ArrayList<>();
                        for (ContainerView c : e.getValue()) removals.add(() -> {
                            try {
                                executor.guarded("Container " + c.name(), "Removing", "Removed", () -> {
                                    node.remove(c.id(), false, removeVolumes);
                                    return null;
                                });
                            } catch (RuntimeException | InterruptedException ex) {
                                failures.merge(e.getKey(), c.name() + ": " + ex.getMessage(), (a, b) -> a + "; " + b);
                            }
                        });
                        Executor.runAll(removals);
                    }
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    failures.put(e.getKey(), "interrupted");
                } finally {
                    done.get(e.getKey()).complete(null);
                }
            });
        }
        Executor.runAll(tasks);
        List<ServiceOutcome> out = new ArrayList<>();
        for (String s : byService.keySet()) out.add(new ServiceOutcome(s, failures.get(s)));
        return out;
    }

    /**
     * The same way down with the node chaining the stops itself: one request for the whole set, each container
     * waiting for the containers of its service's dependents, then the networks with {@code networkLabels}; null
     * when the node cannot.
     */
    private Result inSequence(Map<String, List<ContainerView>> byService, ServiceGraph graph, boolean remove,
                              boolean removeVolumes, List<String> networkLabels) {
        Map<String, String> serviceOf = new HashMap<>();
        Map<String, String> nameOf = new HashMap<>();
        List<StopSequenceRequest.Step> steps = new ArrayList<>();
        for (Map.Entry<String, List<ContainerView>> e : byService.entrySet()) {
            List<String> after = new ArrayList<>();
            if (graph.services().contains(e.getKey())) {
                for (DependencyEdge d : graph.dependentsOf(e.getKey())) {
                    for (ContainerView c : byService.getOrDefault(d.service(), List.of())) after.add(c.id());
                }
            }
            for (ContainerView c : e.getValue()) {
                serviceOf.put(c.id(), e.getKey());
                nameOf.put(c.id(), c.name());
                steps.add(new StopSequenceRequest.Step(c.id(), Executor.isActive(c), after));
            }
        }
        Map<String, String> failures = new ConcurrentHashMap<>();
        Consumer<ProgressEvent> events = executor.events();
        Integer seconds = stopTimeout == null ? null : Math.toIntExact(stopTimeout.toSeconds());
        boolean withNetworks = remove && networkLabels != null && !networkLabels.isEmpty();
        Map<String, String> networks = new LinkedHashMap<>();
        Node.Sequence sequence = node.stopInSequence(new StopSequenceRequest(steps, seconds, remove, removeVolumes,
                withNetworks ? networkLabels : null), p -> {
            if (p.network() != null || (p.id() == null && "failed".equals(p.type()))) {
                // removed by the node once every container had stopped; shown as a removal made now (a failed line
                // naming no network: the node could not list them)
                String subject = p.network() != null ? "Network " + p.network() : "Networks";
                String key = p.network() != null ? p.network() : "";
                events.accept(ProgressEvent.working(subject, "Removing"));
                if ("removed".equals(p.type())) {
                    events.accept(ProgressEvent.done(subject, "Removed"));
                    networks.put(key, null);
                } else {
                    events.accept(ProgressEvent.failed(subject, p.error()));
                    networks.put(key, String.valueOf(p.error()));
                }
                return;
            }
            String subject = "Container " + nameOf.getOrDefault(p.id(), p.id());
            switch (p.type()) {
                case "stopping" -> events.accept(ProgressEvent.working(subject, "Stopping"));
                case "stopped" -> events.accept(ProgressEvent.done(subject, "Stopped"));
                case "removing" -> events.accept(ProgressEvent.working(subject, "Removing"));
                case "removed" -> events.accept(ProgressEvent.done(subject, "Removed"));
                case "failed" -> {
                    events.accept(ProgressEvent.failed(subject, p.error()));
                    failures.merge(serviceOf.getOrDefault(p.id(), p.id()), nameOf.getOrDefault(p.id(), p.id()) + ": "
                            + p.error(), (a, b) -> a + "; " + b);
                }
                default -> { } // a kind of line this client does not know yet
            }
        });
        if (sequence == Node.Sequence.UNSUPPORTED) return null;
        List<ServiceOutcome> out = new ArrayList<>();
        for (String s : byService.keySet()) out.add(new ServiceOutcome(s, failures.get(s)));
        return new Result(out, withNetworks && sequence == Node.Sequence.CONTAINERS_AND_NETWORKS ? networks : null);
    }

    List<ServiceOutcome> killAll(List<ContainerView> containers, String signal) throws InterruptedException {
        Map<String, String> failures = new ConcurrentHashMap<>();
        List<Runnable> tasks = new ArrayList<>();
        for (ContainerView c : containers) {
            if (!Executor.isActive(c)) continue;
            tasks.add(() -> {
                try {
                    executor.guarded("Container " + c.name(), "Killing", "Killed", () -> node.kill(c.id(), signal));
                } catch (RuntimeException | InterruptedException e) {
                    failures.put(c.name(), c.name() + ": " + e.getMessage());
                }
            });
        }
        Executor.runAll(tasks);
        List<ServiceOutcome> out = new ArrayList<>();
        for (ContainerView c : containers) out.add(new ServiceOutcome(c.name(), failures.get(c.name())));
        return out;
    }
}
