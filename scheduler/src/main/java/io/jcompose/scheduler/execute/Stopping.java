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

    List<ServiceOutcome> stopAll(Map<String, List<ContainerView>> byService, ServiceGraph graph, boolean remove,
                                        boolean removeVolumes) throws InterruptedException {
        if (executor.unbounded()) {
            List<ServiceOutcome> chained = inSequence(byService, graph, remove, removeVolumes);
            if (chained != null) return chained;
        }
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
     * waiting for the containers of its service's dependents; null when the node cannot.
     */
    private List<ServiceOutcome> inSequence(Map<String, List<ContainerView>> byService, ServiceGraph graph,
                                            boolean remove, boolean removeVolumes) {
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
        boolean handled = node.stopInSequence(new StopSequenceRequest(steps, seconds, remove, removeVolumes), p -> {
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
        if (!handled) return null;
        List<ServiceOutcome> out = new ArrayList<>();
        for (String s : byService.keySet()) out.add(new ServiceOutcome(s, failures.get(s)));
        return out;
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
