package io.jcompose.scheduler.execute;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.model.project.DependsOn;
import io.jcompose.scheduler.SchedulerException;
import io.jcompose.scheduler.graph.DependencyEdge;
import io.jcompose.scheduler.graph.ServiceGraph;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.node.Node;
import io.jcompose.scheduler.plan.Action;
import io.jcompose.scheduler.plan.Action.ContainerAction;
import io.jcompose.scheduler.plan.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Applies a {@link Plan} to a {@link Node}: a check that every host port to publish is free (else it fails having
 * changed nothing), networks and volumes, then pulls, then one task per service. A
 * service's task begins as soon as each of ITS dependencies meets its condition ({@code service_started},
 * {@code service_healthy}, {@code service_completed_successfully}) — never level by level — so a slow
 * database delays only what waits for it. At most {@code parallelism} node operations run at once; waiting for a
 * condition holds no permit.
 *
 * <p>When a required dependency fails, its dependents are not started and their outcome says why; a
 * {@code required: false} dependency that fails only produces a warning.
 */
public final class Executor {
    private final Node node;
    private final Semaphore permits;
    private final boolean unbounded;
    private final Duration stopTimeout;
    private final Consumer<ProgressEvent> events;
    private final Conditions conditions;
    private final Map<String, Optional<String>> imageIds = new ConcurrentHashMap<>();
    /** Preparations at once: each is mostly the runtime's CPU work, so more than the cores only interleave them. */
    private static final int PREPARING = Math.max(2, Runtime.getRuntime().availableProcessors());
    private final Semaphore preparing = new Semaphore(PREPARING, true);

    /**
     * @param parallelism at most this many node operations at once; 0 or less for no limit
     * @param stopTimeout for containers stopped on the way (recreate, scale down); null for each one's own
     */
    public Executor(Node node, int parallelism, Duration stopTimeout, Pacing pacing, Consumer<ProgressEvent> events) {
        this.node = node;
        this.permits = new Semaphore(parallelism <= 0 ? Integer.MAX_VALUE : parallelism);
        this.unbounded = parallelism <= 0;
        this.stopTimeout = stopTimeout;
        this.events = events;
        this.conditions = new Conditions(node, pacing);
    }

    /** Image ids already looked up (the observed state's), so creating a container does not ask the node again. */
    public Executor knowing(Map<String, Node.ImageInfo> images) {
        images.forEach((ref, info) -> imageIds.putIfAbsent(ref, Optional.of(info.id())));
        return this;
    }

    private record Result(List<ContainerView> containers, String failure) {
    }

    /** Runs the plan; the outcome of every service of the plan, in start order. */
    public List<ServiceOutcome> apply(Plan plan) throws InterruptedException {
        if (settled(plan)) return keepAll(plan);
        PortPreflight.check(node, plan); // before anything is made: a taken port leaves nothing behind
        for (Action a : plan.resources()) resource(a);
        pull(plan.pulls());
        List<Runnable> removals = new ArrayList<>();
        for (Action.RemoveContainer orphan : plan.orphans()) removals.add(() -> remove(orphan.container()));
        runAll(removals);

        Map<String, CompletableFuture<Result>> futures = new LinkedHashMap<>();
        for (String s : plan.services().keySet()) futures.put(s, new CompletableFuture<>());
        List<Thread> threads = new ArrayList<>();
        for (Map.Entry<String, List<ContainerAction>> e : plan.services().entrySet()) {
            threads.add(Thread.ofPlatform().daemon().name("service-" + e.getKey()).start(() -> {
                Result r;
                try {
                    r = service(plan, e.getKey(), e.getValue(), futures);
                } catch (InterruptedException ie) {
                    r = new Result(List.of(), "interrupted");
                } catch (RuntimeException ex) {
                    r = new Result(List.of(), ex.getMessage());
                }
                futures.get(e.getKey()).complete(r);
            }));
        }
        for (Thread t : threads) t.join();
        List<ServiceOutcome> out = new ArrayList<>();
        futures.forEach((s, f) -> out.add(new ServiceOutcome(s, f.join().failure())));
        return out;
    }

    /**
     * Whether the plan changes nothing and waits for nothing: no resource, pull or orphan, every container kept
     * as it is, and no condition to await but {@code service_started} (met by a kept container). Such a plan —
     * {@code run} or {@code up} with every dependency up to date — asks the node nothing (no port to check either),
     * so its services' tasks need no threads of their own.
     */
    private static boolean settled(Plan plan) {
        if (!plan.resources().isEmpty() || !plan.pulls().isEmpty() || !plan.orphans().isEmpty()) return false;
        for (Map.Entry<String, List<ContainerAction>> e : plan.services().entrySet()) {
            for (ContainerAction a : e.getValue()) {
                if (!(a instanceof Action.KeepContainer)) return false;
            }
            if (!plan.start()) continue;
            for (DependencyEdge edge : plan.graph().dependenciesOf(e.getKey())) {
                if (plan.services().containsKey(edge.dependency())
                        && edge.condition() != DependsOn.Condition.SERVICE_STARTED) return false;
            }
        }
        return true;
    }

    /** A {@link #settled} plan: each kept container reported in start order, as each service's task would. */
    private List<ServiceOutcome> keepAll(Plan plan) {
        List<ServiceOutcome> out = new ArrayList<>();
        for (Map.Entry<String, List<ContainerAction>> e : plan.services().entrySet()) {
            for (ContainerAction a : e.getValue()) {
                ContainerView c = ((Action.KeepContainer) a).container();
                events.accept(ProgressEvent.done(a.subject(), "Running".equals(state(c)) ? "Running" : "Created"));
            }
            out.add(new ServiceOutcome(e.getKey(), null));
        }
        return out;
    }

    private Result service(Plan plan, String service, List<ContainerAction> actions,
                           Map<String, CompletableFuture<Result>> futures) throws InterruptedException {
        // New containers are created at once, as docker compose does before its start phase, and when they have
        // dependencies to wait for their runs are set up too (prepared): only the start itself waits for the
        // dependencies' conditions, so a dependency chain costs one quick start per link, not a create and a set-up.
        Map<ContainerAction, ContainerView> created = new java.util.HashMap<>();
        List<ContainerView> prepared = new ArrayList<>();
        boolean waits = plan.start() && plan.graph().dependenciesOf(service).stream()
                .anyMatch(edge -> futures.containsKey(edge.dependency()));
        for (ContainerAction a : actions) {
            if (a instanceof Action.CreateContainer c) {
                try {
                    ContainerView view = create(c.request(), null);
                    created.put(a, view);
                    if (waits && prepare(view, c.request())) prepared.add(view);
                } catch (RuntimeException ex) {
                    unprepare(prepared);
                    return new Result(List.copyOf(created.values()), a.subject() + ": " + ex.getMessage());
                }
            }
        }
        for (DependencyEdge edge : plan.graph().dependenciesOf(service)) {
            CompletableFuture<Result> future = futures.get(edge.dependency());
            if (future == null) continue; // not part of this run (--no-deps, or already up)
            Result dep = future.join();
            String why = dep.failure() != null
                    ? "dependency " + edge.dependency() + " failed: " + dep.failure()
                    : plan.start() ? awaitCondition(edge, dep.containers()) : null;
            if (why == null) continue;
            if (edge.required()) {
                unprepare(prepared);
                String failure = service + " was not started: " + why;
                events.accept(ProgressEvent.failed("Service " + service, failure));
                return new Result(List.of(), failure);
            }
            events.accept(ProgressEvent.warning("Service " + service, "optional " + why));
        }
        List<ContainerView> containers = new ArrayList<>();
        for (ContainerAction a : actions) {
            String subject = a.subject();
            try {
                ContainerView early = created.get(a);
                ContainerView c = early == null ? containerAction(a, plan.start()) : plan.start() ? start(early) : early;
                if (c != null) containers.add(c);
            } catch (RuntimeException ex) {
                // guarded() has reported it already
                return new Result(containers, subject + ": " + ex.getMessage());
            }
        }
        return new Result(containers, null);
    }

    private String awaitCondition(DependencyEdge edge, List<ContainerView> containers) throws InterruptedException {
        if (edge.condition() == DependsOn.Condition.SERVICE_STARTED) return null;
        for (ContainerView c : containers) events.accept(ProgressEvent.waiting("Container " + c.name(), "Waiting"));
        String why = conditions.await(edge.dependency(), containers, edge.condition());
        if (why == null) {
            String word = edge.condition() == DependsOn.Condition.SERVICE_HEALTHY ? "Healthy" : "Exited";
            for (ContainerView c : containers) events.accept(ProgressEvent.done("Container " + c.name(), word));
        }
        return why;
    }

    /** @return the container the service ends up with, or null when it was removed */
    private ContainerView containerAction(ContainerAction action, boolean start) throws InterruptedException {
        return switch (action) {
            case Action.CreateContainer a -> {
                ContainerView c = create(a.request(), null);
                yield start ? start(c) : c;
            }
            case Action.RecreateContainer a -> {
                remove(a.old());
                ContainerView c = create(a.request(), a.old().name());
                yield start ? start(c) : c;
            }
            case Action.StartContainer a -> start(a.container());
            case Action.RestartContainer a -> {
                guarded(a.subject(), "Restarting", "Restarted", () -> {
                    node.stop(a.container().id(), stopTimeout);
                    return node.start(a.container().id());
                });
                yield node.inspect(a.container().id());
            }
            case Action.KeepContainer a -> {
                events.accept(ProgressEvent.done(a.subject(), "Running".equals(state(a.container())) ? "Running"
                        : "Created"));
                yield a.container();
            }
            case Action.RemoveContainer a -> {
                remove(a.container());
                yield null;
            }
        };
    }

    private static String state(ContainerView c) {
        return "running".equals(c.state()) ? "Running" : c.state();
    }

    private ContainerView create(CreateContainerRequest request, String replaces) throws InterruptedException {
        Map<String, String> labels = new LinkedHashMap<>(request.labels());
        String image = request.spec().image();
        if (image != null) imageId(image).ifPresent(id -> labels.put(Labels.IMAGE, id));
        if (replaces != null) labels.put(Labels.REPLACE, replaces);
        CreateContainerRequest labelled = new CreateContainerRequest(request.name(), Map.copyOf(labels), request.spec());
        return guarded("Container " + request.name(), "Creating", replaces == null ? "Created" : "Recreated",
                () -> node.create(labelled));
    }

    /**
     * Prepares the run of a container created by this plan, at most {@link #PREPARING} at once and in the order the
     * services asked (the plan's start order, roughly): the first links of a chain are ready first. A container
     * joining another's network namespace waits for that one's start instead. A failure is left to the start,
     * which sets the run up again and reports it. True when prepared.
     */
    private boolean prepare(ContainerView c, CreateContainerRequest request) throws InterruptedException {
        String mode = request.spec().networkMode();
        if (mode != null && mode.startsWith("container:")) return false;
        preparing.acquire();
        permits.acquire();
        try {
            node.prepare(c.id());
            return true;
        } catch (RuntimeException e) {
            return false;
        } finally {
            permits.release();
            preparing.release();
        }
    }

    /** Undoes the preparation of runs that will not start now (a dependency failed). */
    private void unprepare(List<ContainerView> prepared) {
        for (ContainerView c : prepared) {
            try {
                node.stop(c.id(), Duration.ZERO);
            } catch (RuntimeException e) {
                // the agent undoes a preparation nobody starts by itself
            }
        }
    }

    private Optional<String> imageId(String image) {
        return imageIds.computeIfAbsent(image, i -> node.findImage(i).map(Node.ImageInfo::id));
    }

    private ContainerView start(ContainerView c) throws InterruptedException {
        return guarded("Container " + c.name(), "Starting", "Started", () -> node.start(c.id()));
    }

    private void remove(ContainerView c) {
        try {
            if (isActive(c)) guarded("Container " + c.name(), "Stopping", "Stopped", () -> node.stop(c.id(), stopTimeout));
            guarded("Container " + c.name(), "Removing", "Removed", () -> {
                node.remove(c.id(), false, false);
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchedulerException("interrupted while removing " + c.name(), null);
        }
    }

    /** Running in the sense of {@code up}: nothing to start. */
    public static boolean isRunning(ContainerView c) {
        return "running".equals(c.state()) || "restarting".equals(c.state());
    }

    /** Has processes: stop it before removing it. */
    public static boolean isActive(ContainerView c) {
        return "running".equals(c.state()) || "paused".equals(c.state()) || "restarting".equals(c.state());
    }

    /**
     * Stops (and with {@code remove}, removes) containers in reverse dependency order: a service's containers stop
     * once every service that depends on it has stopped, each service as soon as it can.
     */
    public List<ServiceOutcome> stopAll(Map<String, List<ContainerView>> byService, ServiceGraph graph, boolean remove,
                                        boolean removeVolumes) throws InterruptedException {
        return new Stopping(this, node, stopTimeout).stopAll(byService, graph, remove, removeVolumes);
    }

    /**
     * Stops and removes the containers as {@link #stopAll} does; then the node may remove the networks carrying
     * {@code networkLabels} in the same go, once every container has stopped ({@code down}).
     */
    Stopping.Result removeAll(Map<String, List<ContainerView>> byService, ServiceGraph graph, boolean removeVolumes,
                              List<String> networkLabels) throws InterruptedException {
        return new Stopping(this, node, stopTimeout).stopAll(byService, graph, true, removeVolumes, networkLabels);
    }

    /** Sends {@code signal} to every running container, all at once (within the parallelism bound). */
    public List<ServiceOutcome> killAll(List<ContainerView> containers, String signal) throws InterruptedException {
        return new Stopping(this, node, stopTimeout).killAll(containers, signal);
    }

    private void resource(Action a) throws InterruptedException {
        switch (a) {
            case Action.CreateNetwork n -> guarded(a.subject(), "Creating", "Created", () -> node.createNetwork(n.request()));
            case Action.CreateVolume v -> guarded(a.subject(), "Creating", "Created", () -> node.createVolume(v.request()));
            default -> throw new IllegalArgumentException("not a resource action: " + a);
        }
    }

    private void pull(List<Action.PullImage> pulls) throws InterruptedException {
        List<String> failures = new ArrayList<>();
        List<Runnable> tasks = new ArrayList<>();
        for (Action.PullImage p : pulls) {
            tasks.add(() -> {
                try {
                    Node.ImageInfo info = guarded(p.subject(), "Pulling", "Pulled", () -> node.pullImage(p.image(),
                            p.platform(), line -> events.accept(ProgressEvent.working(p.subject(), line))));
                    imageIds.put(p.image(), Optional.ofNullable(info).map(Node.ImageInfo::id));
                } catch (RuntimeException | InterruptedException e) {
                    synchronized (failures) {
                        failures.add(p.image() + " (for " + String.join(", ", p.services()) + "): " + e.getMessage());
                    }
                }
            });
        }
        runAll(tasks);
        if (!failures.isEmpty()) {
            throw new SchedulerException("pulling failed for " + String.join("; ", failures),
                    "check the image names and that the registry is reachable, or load the images locally");
        }
    }

    /** Runs tasks on virtual threads and waits for all of them. */
    /**
     * Runs the tasks on threads of their own and waits for all. Platform threads, not virtual ones: a virtual
     * thread blocked on the agent's socket starts the JDK's I/O poller, a thread that stays in native code and
     * makes the JVM wait 300 ms at exit — a cost every CLI command would pay; a CLI's handful of tasks does not
     * need virtual threads.
     */
    static void runAll(List<Runnable> tasks) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (Runnable r : tasks) threads.add(Thread.ofPlatform().daemon().start(r));
        for (Thread t : threads) t.join();
    }

    interface NodeCall<T> {
        T call();
    }

    /** One node operation under a permit, framed by progress events; a failure is reported and rethrown. */
    /** Whether node operations may run without limit (no {@code --parallel}): then a node may chain stops itself. */
    boolean unbounded() {
        return unbounded;
    }

    Consumer<ProgressEvent> events() {
        return events;
    }

    <T> T guarded(String subject, String working, String done, NodeCall<T> call) throws InterruptedException {
        permits.acquire();
        try {
            events.accept(ProgressEvent.working(subject, working));
            T result = call.call();
            events.accept(ProgressEvent.done(subject, done));
            return result;
        } catch (RuntimeException e) {
            events.accept(ProgressEvent.failed(subject, e.getMessage()));
            throw e;
        } finally {
            permits.release();
        }
    }
}
