package io.jcompose.agent.container;

import io.jcompose.agent.bundle.BundleWriter;
import io.jcompose.agent.bundle.ContainerSpec;
import io.jcompose.agent.bundle.EtcFiles;
import io.jcompose.agent.bundle.oci.OciSpec;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.event.ContainerEvent;
import io.jcompose.agent.event.EventBus;
import io.jcompose.agent.host.HostProfile;
import io.jcompose.agent.log.LogQuery;
import io.jcompose.agent.log.LogReader;
import io.jcompose.agent.monitor.Conmon;
import io.jcompose.agent.monitor.MonitorLaunch;
import io.jcompose.agent.runtime.OciRuntime;
import io.jcompose.agent.state.ContainerStore;
import io.jcompose.agent.state.LabelFilter;
import io.jcompose.agent.syscall.Pidfd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The container lifecycle: each operation checks the {@link ContainerState} table, does its work
 * through the runtime and the monitor, commits the new state to the store in one transaction and
 * publishes an event. Operations on one container are serialised by its lock; waiting (stop's grace
 * period, wait) happens outside it, so an exit can always be recorded.
 *
 * <p>Example: {@code create(new CreateRequest("web-1", labels, spec))} → created;
 * {@code start("web-1")} → running; the process exits → {@link #onExit} → exited with its code;
 * {@code remove("web-1", false)} → gone.
 */
public final class ContainerService {
    /** The longest a stop watching the process waits before it looks whether the exit was recorded meanwhile. */
    private static final long AWAIT_SLICE = Duration.ofMillis(100).toNanos();
    /** How long stop and forced remove wait for the exit after SIGKILL before they give up. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(30);

    /**
     * A create: name null for the short id. With {@code imageId} the root filesystem is a snapshot of that
     * image mounted at the container's own rootfs directory, which replaces the path in {@code spec.rootfs}
     * (its read-only flag is kept).
     */
    public record CreateRequest(String name, Map<String, String> labels, ContainerSpec spec, String imageId) {
        public CreateRequest {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            java.util.Objects.requireNonNull(spec, "spec");
        }

        public CreateRequest(String name, Map<String, String> labels, ContainerSpec spec) {
            this(name, labels, spec, null);
        }
    }

    /**
     * Label asking for Docker's StdinOnce: a container kept with standard input open has it closed once its
     * attached client ends its input or leaves (what {@code run -i} wants), instead of keeping it for the next.
     */
    public static final String STDIN_ONCE_LABEL = "io.jcompose.stdin-once";

    private final ContainerStore store;
    private final OciRuntime runtime;
    private final Conmon conmon;
    private final EventBus events;
    private final ContainerLayout layout;
    private final BundlePreparer bundles;
    private final ContainerLocks locks = new ContainerLocks();
    private final ExitRecorder exits;
    private final Execs execs;
    private final List<ContainerHooks> hooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ContainerNetworking networking;
    private final ImageRootfs images;
    private final Trash trash;
    /** Containers {@link #prepare}d and not started yet, by id. */
    private final Map<String, Prepared> prepared = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Duration preparedFor = Duration.ofSeconds(60);

    public ContainerService(ContainerStore store, OciRuntime runtime, Conmon conmon, EventBus events, HostProfile host,
                            ContainerLayout layout, String cgroupParent) {
        this(store, runtime, conmon, events, host, layout, cgroupParent, ContainerNetworking.NONE, ImageRootfs.NONE);
    }

    public ContainerService(ContainerStore store, OciRuntime runtime, Conmon conmon, EventBus events, HostProfile host,
                            ContainerLayout layout, String cgroupParent, ContainerNetworking networking) {
        this(store, runtime, conmon, events, host, layout, cgroupParent, networking, ImageRootfs.NONE);
    }

    public ContainerService(ContainerStore store, OciRuntime runtime, Conmon conmon, EventBus events, HostProfile host,
                            ContainerLayout layout, String cgroupParent, ContainerNetworking networking,
                            ImageRootfs images) {
        this.images = images;
        this.store = store;
        this.runtime = runtime;
        this.conmon = conmon;
        this.events = events;
        this.layout = layout;
        this.bundles = new BundlePreparer(host, layout, cgroupParent);
        this.networking = networking;
        this.exits = new ExitRecorder(store, runtime, layout, events, locks, networking, this::afterExit);
        this.execs = new Execs(runtime, host, layout);
        this.trash = new Trash(layout.trashDir());
    }

    public Container create(CreateRequest request) {
        ContainerId id = ContainerId.random();
        ContainerName name = new ContainerName(request.name() == null ? id.shortId() : request.name());
        if (store.resolve(name.value()).filter(r -> r.name().equals(name.value())).isPresent()) {
            throw AgentException.alreadyExists("a container named \"" + name + "\" already exists",
                    "remove it first or choose another name");
        }
        ContainerSpec spec = request.spec();
        String imageId = request.imageId();
        Path rootfs = layout.rootfs(id.value());
        if (imageId != null) {
            spec = spec.withRootfs(new io.jcompose.agent.bundle.RootfsSpec(rootfs, spec.rootfs().readOnly()));
        }
        Path dir = layout.containerDir(id.value());
        boolean attached = false;
        try {
            for (ContainerHooks h : hooks) {
                spec = h.beforeCreate(id.value(), spec);
            }
            // Without an image every request error surfaces here, before any write; with one, once the snapshot
            // is mounted (the user is looked up in the image's /etc/passwd). Volume mounts are checked by their hook.
            OciSpec oci = imageId == null ? bundles.prepare(id.value(), withoutVolumes(spec)) : null;
            Files.createDirectories(dir);
            if (imageId != null) {
                images.attach(id.value(), imageId, rootfs);
                attached = true;
                oci = bundles.prepare(id.value(), withoutVolumes(spec)); // the user is looked up in the image
            }
            BundleWriter.writeEtc(layout.bundle(id.value()), EtcFiles.render(spec, oci.hostname(),
                    read(Path.of("/etc/hosts")), read(Path.of("/etc/resolv.conf"))));
            Container container = new Container(id, name, request.labels(), spec, ContainerState.CREATED, 0, null,
                    false, Instant.now(), null, null, imageId);
            store.insert(ContainerRecords.toRow(container)); // the commit point
            publish(ContainerEvent.Type.CREATED, container);
            return container;
        } catch (IOException | RuntimeException e) {
            if (attached) {
                // Never walk into a mounted image: deleting there would write whiteouts, not free anything.
                images.detach(id.value(), rootfs);
            }
            deleteTree(dir);
            for (ContainerHooks h : hooks) {
                h.createFailed(id.value(), spec);
            }
            throw e instanceof AgentException a ? a : AgentException.internal("cannot create " + name + ": " + e.getMessage(), e);
        }
    }

    public Container start(String ref) {
        return start(ref, true);
    }

    /**
     * Sends {@code signal} to the container's init process. Straight to its host pid when the agent knows it
     * (what {@code runc kill} does too, without starting a runc process first: a stop of a chain of
     * containers pays that once per link); through the runtime otherwise. The caller holds the lock of a
     * live container, so the pid is still that container's.
     */
    private void signal(Container c, String signal) {
        java.util.OptionalInt number = Signals.number(signal);
        if (c.pid() > 0 && number.isPresent() && io.jcompose.agent.syscall.Libc.kill(c.pid(), number.getAsInt())) {
            return;
        }
        runtime.kill(c.id().value(), signal, false);
    }

    /** Volume mounts become binds only at start (their hook resolves them); the create-time checks skip them. */
    private static ContainerSpec withoutVolumes(ContainerSpec spec) {
        return spec.withMounts(spec.mounts().stream()
                .filter(m -> !(m instanceof io.jcompose.agent.bundle.MountSpec.Volume)).toList());
    }

    /**
     * Sets up the container's next run without starting it: images mounted, networked (addresses, names in the
     * DNS, host ports), the bundle written, and the monitor with the runtime's {@code create} (the runtime's init
     * waits for {@code start}). A compose {@code up} prepares the containers of a dependency chain at once and
     * then starts each link when its dependencies are ready, so a link costs a {@code runc start}, not a whole
     * set-up. The container stays {@code created}; {@link #start} finishes it, {@link #stop} and {@link #remove}
     * undo it, and so does the agent itself when no start comes within {@link #preparedFor(Duration)}. A container that is
     * not {@code created}, or already prepared, is left as it is.
     */
    public Container prepare(String ref) {
        String id = inspect(ref).id().value();
        return locks.locked(id, () -> {
            Container c = load(id);
            if (c.state() != ContainerState.CREATED || prepared.containsKey(id)) {
                return c;
            }
            try {
                Prepared run = setUp(c);
                prepared.put(id, run);
                Thread.ofVirtual().name("prepared-" + c.name()).start(() -> expire(id, run));
            } catch (AgentException e) {
                throw e.wrap("failed to prepare " + c.name());
            }
            return c;
        });
    }

    /** How long a prepared container keeps its set-up waiting for its start (60 s unless set). */
    public void preparedFor(Duration limit) {
        this.preparedFor = limit;
    }

    /** Undoes {@code run} if it is still waiting for its start (not a later preparation of the same container). */
    private void expire(String id, Prepared run) {
        try {
            Thread.sleep(preparedFor);
        } catch (InterruptedException e) {
            return;
        }
        if (prepared.get(id) == run) {
            locks.locked(id, () -> {
                if (prepared.get(id) == run) {
                    store.find(id).map(ContainerRecords::fromRow).ifPresent(this::unprepare);
                }
                return null;
            });
        }
    }

    /** Undoes {@link #prepare} when it was done (the caller holds the container's lock); true if it was. */
    private boolean unprepare(Container c) {
        String id = c.id().value();
        Prepared p = prepared.remove(id);
        if (p == null) {
            return false;
        }
        exits.cancel(id, p.exit());
        try {
            runtime.delete(id, true);
        } finally {
            networking.detach(c);
        }
        return true;
    }

    /** A run set up by {@link #setUp}: the monitor's pid and the future of the run's exit. */
    private record Prepared(int pid, CompletableFuture<Container> exit) {
    }

    /** Everything of a start but the runtime's {@code start}; on failure nothing of it remains. */
    private Prepared setUp(Container c) {
        String id = c.id().value();
        if (c.imageId() != null) {
            images.ensureMounted(id, layout.rootfs(id)); // gone after a host reboot
        }
        if (Files.exists(layout.runtimeRoot().resolve(id))) {
            runtime.delete(id, true); // a previous run's runtime state, if its exit was not cleaned up
        }
        CompletableFuture<Container> exit = exits.next(id);
        try {
            // networking first: a taken port fails here, before the runtime makes anything
            ContainerSpec run = networking.attach(c, layout.bundle(id), this::inspect);
            for (ContainerHooks h : hooks) {
                run = h.beforeStart(c, run, run.rootfs().path());
            }
            BundleWriter.writeConfig(layout.bundle(id), bundles.prepare(id, run));
            int pid = conmon.launch(new MonitorLaunch(id, layout.containerDir(id), layout.logFile(id),
                    layout.persistDir(id), layout.exitDir(), layout.monitorPidFile(id),
                    layout.containerPidFile(id), layout.socketDir(), c.spec().process().tty(),
                    c.spec().process().stdinOpen(), stdinOnce(c), logSizeMax(c.spec())), runtime);
            hooks.forEach(h -> h.monitorReady(c));
            return new Prepared(pid, exit);
        } catch (RuntimeException e) {
            abandon(c, exit);
            throw e;
        }
    }

    private void abandon(Container c, CompletableFuture<Container> exit) {
        String id = c.id().value();
        exits.cancel(id, exit);
        try {
            runtime.delete(id, true);
        } finally {
            networking.detach(c);
        }
    }

    /** Starts it; {@code byUser} false when the restart policy does. */
    public Container start(String ref, boolean byUser) {
        String id = inspect(ref).id().value();
        return locks.locked(id, () -> {
            Container c = load(id);
            if (c.state().check(Operation.START) == ContainerState.Decision.ALREADY_DONE) {
                return c;
            }
            try {
                Prepared run = prepared.remove(id);
                if (run == null) {
                    run = setUp(c);
                }
                try {
                    networking.awaitAttached(c);
                    runtime.start(id, run.pid());
                } catch (RuntimeException e) {
                    abandon(c, run.exit());
                    throw e;
                }
                Container running = c.running(run.pid(), Instant.now());
                store.update(ContainerRecords.toRow(running));
                publish(ContainerEvent.Type.STARTED, running);
                hooks.forEach(h -> h.started(running, byUser));
                return running;
            } catch (AgentException e) {
                throw e.wrap("failed to start " + c.name());
            }
        });
    }

    /**
     * Sends the stop signal, waits up to {@code timeout} (null: the container's grace period), then
     * SIGKILL; returns the exited container.
     */
    public Container stop(String ref, Duration timeout) {
        return stop(ref, timeout, null, null);
    }

    /**
     * As {@link #stop(String, Duration)}; {@code gone} (null: none) runs once the container's process has ended and
     * its names have left the DNS and its host ports are free, which may be before its exit is recorded (and at the
     * latest when it is, or when the stop fails): a stop chain signals the next container then. It watches the
     * process itself ({@link Pidfd}) rather than waiting for the monitor's exit file and the record that follows,
     * ~5–10 ms a link. The return still waits for the recorded exit, so what follows the stop sees it stopped.
     * {@code earlier} (null: none): the exits this one follows, which may not be recorded yet; the exit is published
     * (its {@code die} event, hooks and waiters) after those are done ({@link ExitRecorder#publishAfter}).
     */
    public Container stop(String ref, Duration timeout, Runnable gone, CompletableFuture<?> earlier) {
        String id = idOf(ref);
        Stopping stopping = locks.locked(id, () -> {
            Container now = load(id);
            hooks.forEach(h -> h.stopRequested(now));
            if (unprepare(now)) {
                return new Stopping(now, CompletableFuture.completedFuture(now), null, null); // a prepared run has no process of the user's yet
            }
            if (now.state().check(Operation.STOP) == ContainerState.Decision.ALREADY_DONE) {
                return new Stopping(now, CompletableFuture.completedFuture(now), null, null);
            }
            CompletableFuture<Container> f = exits.next(id);
            // Opened before the signal, while the process is surely alive (its exit is not recorded: we hold the lock).
            Pidfd process = gone != null && now.state() == ContainerState.RUNNING ? Pidfd.open(now.pid()) : null;
            CompletableFuture<Void> released = process != null ? exits.nextRelease(id) : null;
            if (earlier != null) {
                exits.publishAfter(id, earlier);
            }
            try {
                signal(now, Signals.normalize(now.spec().stopSignal()));
            } catch (RuntimeException e) {
                if (process != null) {
                    process.close();
                }
                throw e;
            }
            if (now.state() == ContainerState.PAUSED) {
                runtime.resume(id); // a frozen process cannot act on the signal
            }
            return new Stopping(now, f, process, released);
        });
        Container c = stopping.container();
        Duration grace = timeout != null ? timeout : c.spec().stopGracePeriod();
        CompletableFuture<Container> exit = stopping.exit();
        try {
            if (stopping.process() != null) {
                long deadline = System.nanoTime() + grace.toNanos();
                try (Pidfd process = stopping.process()) {
                    // In slices, so that a recorded exit ends the wait too (the descriptor may name another process
                    // if the pid was reaped and reused before it was opened: then the record answers).
                    while (!exit.isDone() && System.nanoTime() < deadline) {
                        if (process.awaitExit(Duration.ofNanos(Math.min(deadline - System.nanoTime(), AWAIT_SLICE)))) {
                            releaseEnded(c, stopping.released());
                            gone.run();
                            break;
                        }
                    }
                }
                grace = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            }
            return exit.get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            runtime.kill(id, "SIGKILL", true);
            return ExitRecorder.await(exit, KILL_WAIT, c);
        } catch (InterruptedException | ExecutionException e) {
            throw ExitRecorder.interrupted(c, e);
        } finally {
            if (gone != null) {
                gone.run(); // idempotent for the callers: a chain's link completes a future
            }
        }
    }

    /** A stop's signal sent: the exit to wait for, and the process's descriptor when the caller wants to know early. */
    private record Stopping(Container container, CompletableFuture<Container> exit, Pidfd process,
                            CompletableFuture<Void> released) {
    }

    /**
     * The part of an exit's record others can see, done as soon as the process has ended: its names leave the DNS
     * and its host ports are freed ({@link ContainerNetworking#release}). Under the container's lock and only while
     * the record has not done it (a start after the record must keep its names); when the record holds the lock,
     * this waits for its release rather than for the lock, which the record keeps until the runtime's state is gone.
     */
    private void releaseEnded(Container c, CompletableFuture<Void> released) {
        String id = c.id().value();
        while (!released.isDone()) {
            if (locks.tryLocked(id, () -> {
                if (!released.isDone()) {
                    networking.release(c);
                    exits.released(id);
                }
            })) {
                return;
            }
            try {
                released.get(250, TimeUnit.MICROSECONDS);
            } catch (TimeoutException e) {
                // the lock may be free now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                return;
            }
        }
    }

    public Container kill(String ref, String signal) {
        String sig = Signals.normalize(signal == null ? "SIGKILL" : signal);
        boolean sigkill = sig.equals("SIGKILL") || sig.equals("9");
        String id = inspect(ref).id().value();
        return locks.locked(id, () -> {
            Container now = load(id);
            now.state().check(Operation.KILL);
            hooks.forEach(h -> h.stopRequested(now));
            exits.next(id);
            runtime.kill(id, sig, sigkill);
            if (now.state() == ContainerState.PAUSED && sigkill) {
                runtime.resume(id);
            }
            return now;
        });
    }

    public Container pause(String ref) {
        return freeze(ref, Operation.PAUSE, ContainerState.PAUSED, ContainerEvent.Type.PAUSED);
    }

    public Container unpause(String ref) {
        return freeze(ref, Operation.UNPAUSE, ContainerState.RUNNING, ContainerEvent.Type.UNPAUSED);
    }

    private Container freeze(String ref, Operation op, ContainerState target, ContainerEvent.Type event) {
        String id = inspect(ref).id().value();
        return locks.locked(id, () -> {
            Container now = load(id);
            now.state().check(op);
            if (op == Operation.PAUSE) {
                runtime.pause(id);
            } else {
                runtime.resume(id);
            }
            Container changed = now.withState(target);
            store.update(ContainerRecords.toRow(changed));
            publish(event, changed);
            return changed;
        });
    }

    /** Removes the container, its bundle and its logs; with {@code force} a live one is killed first. */
    public void remove(String ref, boolean force) {
        remove(ref, force, false);
    }

    /** As {@link #remove(String, boolean)}; {@code volumes} also removes its anonymous volumes. */
    public void remove(String ref, boolean force, boolean volumes) {
        String id = idOf(ref);
        if (force) {
            CompletableFuture<Container> exit = locks.locked(id, () -> {
                Container now = load(id);
                if (!now.state().isLive()) {
                    // No exit follows, so the hooks are not told of a stop (the restart policy would sync its
                    // store for a row about to go); removed at once, under this same lock, so that no pending
                    // restart can start it in between.
                    removeLocked(now, volumes);
                    return null;
                }
                hooks.forEach(h -> h.stopRequested(now));
                CompletableFuture<Container> f = exits.next(id);
                runtime.kill(id, "SIGKILL", true);
                if (now.state() == ContainerState.PAUSED) {
                    runtime.resume(id);
                }
                return f;
            });
            if (exit == null) {
                locks.forget(id);
                return;
            }
            ExitRecorder.await(exit, KILL_WAIT, inspect(id));
        }
        locks.locked(id, () -> {
            removeLocked(load(id), volumes);
            return null;
        });
        locks.forget(id);
    }

    /** The removal itself; the caller holds the container's lock. */
    private void removeLocked(Container now, boolean volumes) {
        String id = now.id().value();
        now.state().check(Operation.REMOVE);
        Prepared run = prepared.remove(id);
        if (run != null) {
            exits.cancel(id, run.exit());
        }
        if (Files.exists(layout.runtimeRoot().resolve(id))) {
            runtime.delete(id, true); // normally done already, when the exit was recorded (a prepared run: now)
        }
        networking.detach(now); // normally gone with the exit; this catches an exit recorded without it
        if (now.imageId() != null) {
            images.unmount(layout.rootfs(id));
        }
        store.delete(id); // the commit point: from here on the container is gone
        ContainerRecords.forget(id);
        if (now.imageId() != null) {
            images.release(id);
        }
        trash.discard(layout.containerDir(id));
        deleteQuietly(layout.monitorPidFile(id));
        deleteQuietly(layout.exitDir().resolve(id));
        publish(ContainerEvent.Type.DESTROYED, now);
        hooks.forEach(h -> h.removed(now, volumes));
    }

    /**
     * The id {@code ref} names. A full id of an existing container is taken as it is, checked by one statement: the
     * caller loads the container under its lock anyway, and a stop chain's or a removal's look-up was two reads of
     * the store (the row, its labels) and its decoding, each on the path of the next link.
     */
    private String idOf(String ref) {
        if (ref.length() == 64 && ref.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))
                && store.exists(ref)) {
            return ref;
        }
        return inspect(ref).id().value();
    }

    public Container inspect(String ref) {
        return store.resolve(ref).map(ContainerRecords::fromRow).orElseThrow(() ->
                AgentException.notFound("no such container: " + ref, "list containers to see the names"));
    }

    public List<Container> list(List<LabelFilter> filters) {
        return store.list(filters).stream().map(ContainerRecords::fromRow).toList();
    }

    /** Completes with the container once it is not running (at once when it is not). */
    public CompletableFuture<Container> waitForExit(String ref) {
        return watchExit(inspect(ref).id().value()).exit();
    }

    /** A container as it is now, and the future of its exit (done at once when it is not running). */
    public record ExitWatch(Container now, CompletableFuture<Container> exit) {
    }

    /** As {@link #waitForExit}, by full id, with the state the subscription was made in: one read of the store. */
    public ExitWatch watchExit(String id) {
        // Under the lock, so the exit cannot be recorded between the state check and the subscription.
        return locks.locked(id, () -> {
            Container c = load(id);
            return new ExitWatch(c, c.state().isLive() ? exits.next(id) : CompletableFuture.completedFuture(c));
        });
    }

    public void logs(String ref, LogQuery query, CompletableFuture<?> clientGone, LogReader.Sink sink) {
        Container c = inspect(ref);
        CompletableFuture<?> stopped = waitForExit(c.id().value());
        new LogReader(layout.logFile(c.id().value()), query).read(CompletableFuture.anyOf(stopped, clientGone), sink);
    }

    public Execs.Outcome exec(String ref, Execs.Request request) {
        return exec(ref, request, null);
    }

    /** As {@link #exec(String, Execs.Request)}; past {@code timeout} (null: none) the process is killed. */
    public Execs.Outcome exec(String ref, Execs.Request request, Duration timeout) {
        Container c = inspect(ref);
        c.state().check(Operation.EXEC);
        return execs.run(c, bundles.context(c.id().value()), request, timeout);
    }

    /**
     * Prepares an exec whose process the caller runs with its own standard streams (streamed and TTY exec,
     * io.jcompose.agent.exec). The container must be running; close the result once the runtime returned.
     */
    public Execs.Prepared prepareExec(String ref, Execs.Request request, Execs.Options options) {
        Container c = inspect(ref);
        c.state().check(Operation.EXEC);
        return execs.prepare(c, bundles.context(c.id().value()), request, options);
    }

    /** Where the container's monitor keeps its attach socket and control fifo (io.jcompose.agent.attach). */
    public Path monitorDir(String id) {
        return layout.containerDir(id);
    }

    private static boolean stdinOnce(Container c) {
        return "true".equals(c.labels().get(STDIN_ONCE_LABEL));
    }

    /** Adds lifecycle hooks (volumes, restart policy, health checks); see {@link ContainerHooks}. */
    public void addHooks(ContainerHooks h) {
        hooks.add(h);
    }

    /** What the hooks know of {@code c} (restarting, restart count, health). */
    public Supervision supervision(Container c) {
        Supervision s = Supervision.NONE;
        for (ContainerHooks h : hooks) {
            s = h.describe(c, s);
        }
        return s;
    }

    private void afterExit(Container exited) {
        hooks.forEach(h -> h.exited(exited));
    }

    /** The monitor recorded an exit (called by the exit watcher). */
    public void onExit(String id) {
        exits.onExitFile(id);
    }

    ExitRecorder exits() {
        return exits;
    }

    ContainerLocks locks() {
        return locks;
    }

    Container load(String id) {
        return store.find(id).map(ContainerRecords::fromRow).orElseThrow(() ->
                AgentException.notFound("no such container: " + id, null));
    }

    ContainerStore store() {
        return store;
    }

    OciRuntime runtime() {
        return runtime;
    }

    ContainerLayout layout() {
        return layout;
    }

    Trash trash() {
        return trash;
    }

    private void publish(ContainerEvent.Type type, Container c) {
        events.publish(new ContainerEvent(type, c.id().value(), c.name().value(), c.labels(), null, Instant.now()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(ContainerService::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // Left for the reconciler's orphan sweep.
        }
    }

    /** The container's own log file size, 0 for the monitor's (the agent's policy). */
    private static long logSizeMax(ContainerSpec spec) {
        return spec.logLimits() == null || spec.logLimits().maxSize() == null ? 0 : spec.logLimits().maxSize();
    }
}
