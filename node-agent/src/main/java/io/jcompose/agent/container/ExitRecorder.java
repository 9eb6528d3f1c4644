package io.jcompose.agent.container;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.event.ContainerEvent;
import io.jcompose.agent.event.EventBus;
import io.jcompose.agent.runtime.OciRuntime;
import io.jcompose.agent.state.ContainerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns the monitor's exit files into state: reads the code and the OOM flag, cleans the runtime
 * up (which removes the cgroup), commits {@code exited}, publishes {@code oom}/{@code died} and wakes
 * everyone waiting for that exit.
 */
final class ExitRecorder {
    private static final System.Logger LOG = System.getLogger(ExitRecorder.class.getName());
    /** The longest an exit's publication waits for the exits it follows ({@link #publishAfter}). */
    private static final Duration ORDER_WAIT = Duration.ofSeconds(10);
    private final ContainerStore store;
    private final OciRuntime runtime;
    private final ContainerLayout layout;
    private final EventBus events;
    private final ContainerLocks locks;
    private final ContainerNetworking networking;
    private final ConcurrentHashMap<String, CompletableFuture<Container>> waiting = new ConcurrentHashMap<>();
    /** Runs whose end a stop watches: done once their names left the DNS, by the record or by the stop itself. */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> releasing = new ConcurrentHashMap<>();
    /** Runs whose exit is published only after others' (a stop chain's earlier links): what to wait for. */
    private final ConcurrentHashMap<String, CompletableFuture<?>> publishAfter = new ConcurrentHashMap<>();
    private final java.util.function.Consumer<Container> recorded;

    ExitRecorder(ContainerStore store, OciRuntime runtime, ContainerLayout layout, EventBus events, ContainerLocks locks,
                 ContainerNetworking networking, java.util.function.Consumer<Container> recorded) {
        this.networking = networking;
        this.recorded = recorded;
        this.store = store;
        this.runtime = runtime;
        this.layout = layout;
        this.events = events;
        this.locks = locks;
    }

    /** Completes with the exited container at its next recorded exit. */
    CompletableFuture<Container> next(String id) {
        return waiting.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    /**
     * Completes once the names of the container's current run have left the DNS and its host ports are free: done by
     * its exit's record, or earlier by a stop that saw the process end ({@link #released}). The caller holds the
     * lock of a live container.
     */
    CompletableFuture<Void> nextRelease(String id) {
        return releasing.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    /**
     * The next recorded exit of the container is published (its {@code die} event, its hooks, its waiters) only once
     * {@code earlier} is done, at most {@link #ORDER_WAIT} later: a stop chain signals a container once the one before
     * has ended, possibly before that exit is recorded, and the events keep the order of the exits all the same.
     * The caller holds the lock of a live container.
     */
    void publishAfter(String id, CompletableFuture<?> earlier) {
        if (!earlier.isDone()) {
            publishAfter.put(id, earlier);
        }
    }

    /** The run's names and ports were released ({@link ContainerNetworking#release}); the caller holds the lock. */
    void released(String id) {
        CompletableFuture<Void> f = releasing.remove(id);
        if (f != null) {
            f.complete(null);
        }
    }

    /** Forgets a future made for a start that failed. */
    void cancel(String id, CompletableFuture<Container> future) {
        waiting.remove(id, future);
    }

    /** The monitor wrote {@code <exit dir>/<id>}. */
    void onExitFile(String id) {
        if (!store.exists(id)) {
            return; // no lock made for what is not ours (or is gone)
        }
        locks.locked(id, () -> {
            Container c = store.find(id).map(ContainerRecords::fromRow).orElse(null);
            if (c == null || !c.state().isLive()) {
                return null; // a failed start's cleanup, or already recorded by the reconciler
            }
            return record(c, readExitCode(id).orElse(ReconcilePlanner.UNKNOWN_EXIT));
        });
    }

    /**
     * Commits an exit; the caller holds the container's lock. Whoever waits for the exit is answered once it is
     * recorded, its names have left the DNS, its host ports are free, the restart policy has decided and it is
     * detached from its networks; its runtime state is removed right after, still under the lock. Its interfaces
     * and namespace go on the network manager's own thread ({@link ContainerNetworking#detachLater}): their
     * deletion waits for the kernel's RCU grace periods, which neither a caller stopping a chain of containers nor
     * the removal that follows a one-off's exit ({@code run --rm}) should wait for; the manager keeps their
     * addresses taken until they are gone, and the container's next start waits for them.
     */
    Container record(Container c, int code) {
        String id = c.id().value();
        boolean oom = Files.exists(layout.persistDir(id).resolve("oom"));
        networking.release(c); // its names and host ports go with the process
        released(id);
        Container exited = c.exited(code, oom, Instant.now());
        store.update(ContainerRecords.toRow(exited));
        awaitEarlier(id);
        if (oom) {
            events.publish(new ContainerEvent(ContainerEvent.Type.OOM, id, c.name().value(), c.labels(), null, Instant.now()));
        }
        events.publish(new ContainerEvent(ContainerEvent.Type.DIED, id, c.name().value(), c.labels(), code, Instant.now()));
        // Hooks first: whoever waits for this exit then sees what the restart policy made of it.
        recorded.accept(exited);
        // Detached before the waiter is answered: a stopped container is attached to no network any more, so that
        // a network's removal right after the stops (down) finds nothing attached. Registering the teardown is
        // quick; the interfaces and the namespace go on the network manager's thread.
        networking.detachLater(c);
        CompletableFuture<Container> future = waiting.remove(id);
        if (future != null) {
            future.complete(exited);
        }
        try {
            runtime.delete(id, true);
        } catch (RuntimeException e) {
            // The next start deletes a previous run's runtime state itself.
            LOG.log(System.Logger.Level.WARNING, "could not delete the runtime state of " + c.name(), e);
        }
        return exited;
    }

    /** Waits for the exits this one is published after ({@link #publishAfter}); a bounded wait, whatever happens to them. */
    private void awaitEarlier(String id) {
        CompletableFuture<?> earlier = publishAfter.remove(id);
        if (earlier == null) {
            return;
        }
        try {
            earlier.get(ORDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // published now: the order of two events is not worth an exit never told
        }
    }

    /** The exit code the monitor wrote: in the runtime dir, or in the container's persist dir. */
    Optional<Integer> readExitCode(String id) {
        for (Path file : List.of(layout.exitDir().resolve(id), layout.persistDir(id).resolve("exit"))) {
            try {
                return Optional.of(Integer.parseInt(Files.readString(file).strip()));
            } catch (IOException | NumberFormatException e) {
                // Try the next place.
            }
        }
        return Optional.empty();
    }

    /** Waits for {@code exit} up to {@code limit}; UNAVAILABLE when the container does not exit. */
    static Container await(CompletableFuture<Container> exit, Duration limit, Container c) {
        try {
            return exit.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw AgentException.unavailable("container " + c.name() + " did not exit within " + limit.toSeconds()
                    + " s of SIGKILL", "check the host for processes stuck in the kernel (state D)");
        } catch (InterruptedException | ExecutionException e) {
            throw interrupted(c, e);
        }
    }

    static AgentException interrupted(Container c, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return AgentException.internal("interrupted while waiting for " + c.name() + " to exit", e);
    }
}
