package io.jcompose.agent.container;

import io.jcompose.agent.error.AgentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Stops (and removes) a set of containers in the order the caller gives: each one once every container it must
 * follow is done with (its process has ended, or its stop failed), as compose stops a dependency only after its
 * dependents. Chaining the stops here rather than in the client saves a round trip per link of a dependency chain
 * (the answer, the client's turn, its next request), most of a link's cost when the containers exit at once. The
 * next link is signalled as soon as the process has ended and its names have left the DNS, while its exit is still
 * being recorded (~5–10 ms a link); the progress keeps compose's order all the same: a container is reported
 * {@code stopping} only after those it follows were reported {@code stopped} (or {@code failed}), and
 * {@code stopped} once its exit is recorded. A container's removal, when asked, follows its own stop and holds up
 * nobody.
 */
public final class StopSequence {

    /** One container; {@code after}: ids of steps to wait for (ids outside the sequence are ignored). */
    public record Step(String id, boolean stop, List<String> after) {
        public Step {
            after = List.copyOf(after);
        }
    }

    /** What happened to a container: {@code stopping}, {@code stopped}, {@code removing}, {@code removed}, {@code failed}. */
    public record Progress(String id, String type, String error) {
    }

    /** What a step does to its container: {@link ContainerService}'s stop and remove. */
    public interface Containers {
        /**
         * Returns once the exit is recorded; {@code gone} may run before, once the process has ended (or not at
         * all); the exit is published (events) only after {@code earlier} is done.
         */
        void stop(String id, Duration timeout, Runnable gone, CompletableFuture<?> earlier);

        void remove(String id, boolean volumes);
    }

    private final Containers containers;

    public StopSequence(ContainerService service) {
        this(new Containers() {
            @Override
            public void stop(String id, Duration timeout, Runnable gone, CompletableFuture<?> earlier) {
                service.stop(id, timeout, gone, earlier);
            }

            @Override
            public void remove(String id, boolean volumes) {
                service.remove(id, false, volumes);
            }
        });
    }

    StopSequence(Containers containers) {
        this.containers = containers;
    }

    /** Throws BAD_REQUEST when the steps repeat an id or wait for each other in a cycle (they would never end). */
    public static void check(List<Step> steps) {
        Map<String, Step> byId = new HashMap<>();
        for (Step s : steps) {
            if (byId.put(s.id(), s) != null) throw AgentException.invalid("the stop sequence names " + s.id() + " twice", null);
        }
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (Step s : steps) visit(s, byId, done, visiting);
    }

    private static void visit(Step s, Map<String, Step> byId, Set<String> done, Set<String> visiting) {
        if (done.contains(s.id())) return;
        if (!visiting.add(s.id())) {
            throw AgentException.invalid("the stop sequence waits in a cycle through " + s.id(), "order the steps as a graph without cycles");
        }
        for (String a : s.after()) {
            Step before = byId.get(a);
            if (before != null) visit(before, byId, done, visiting);
        }
        visiting.remove(s.id());
        done.add(s.id());
    }

    /**
     * Runs every step (each on a thread of its own, waiting for its predecessors) and returns once all are over;
     * {@code progress} may be called from several threads at once. Failures are reported, never thrown.
     */
    public void run(List<Step> steps, Duration timeout, boolean remove, boolean volumes, Consumer<Progress> progress)
            throws InterruptedException {
        run(steps, timeout, remove, volumes, progress, null);
    }

    /**
     * As {@link #run(List, Duration, boolean, boolean, Consumer)}; {@code whenStopped} (null: nothing) starts on a
     * thread of its own once every step's stop is over (its exit recorded, so the container is detached from its
     * networks, or its stop failed), beside the removals still going on. What it does is the caller's to wait for.
     */
    public void run(List<Step> steps, Duration timeout, boolean remove, boolean volumes, Consumer<Progress> progress,
                    Runnable whenStopped) throws InterruptedException {
        check(steps);
        Map<String, CompletableFuture<Void>> stopped = new HashMap<>();
        Map<String, CompletableFuture<Void>> reported = new HashMap<>();
        for (Step s : steps) {
            stopped.put(s.id(), new CompletableFuture<>());
            reported.put(s.id(), new CompletableFuture<>());
        }
        if (whenStopped != null) {
            // reported: completed once the step's stop has returned (the exit recorded) or failed
            CompletableFuture.allOf(reported.values().toArray(CompletableFuture[]::new))
                    .thenRun(() -> Thread.ofPlatform().daemon().name("stops-then").start(whenStopped));
        }
        // One removal at a time: each holds the state database (a synced commit) and the CPU for a while, and
        // several at once delayed the chain's next stop, whose look-ups wait for the database; one at a time they
        // keep up with the chain and stay off its path.
        Semaphore removing = new Semaphore(1, true);
        List<Thread> threads = new ArrayList<>();
        for (Step s : steps) {
            // Platform threads: a removal blocks in native code (the database's sync, the runtime's clean-up),
            // which holds a virtual thread's carrier, and with a carrier per core the next link of the chain (its
            // wake-up, its request) then waits behind those.
            threads.add(Thread.ofPlatform().daemon().name("stop-" + s.id()).start(
                    () -> step(s, stopped, reported, timeout, remove, volumes, removing, progress)));
        }
        for (Thread t : threads) t.join();
    }

    /**
     * One container: its stop once those it follows are {@code stopped} (their processes ended), its progress once
     * theirs is {@code reported}, then its removal.
     */
    private void step(Step s, Map<String, CompletableFuture<Void>> stopped, Map<String, CompletableFuture<Void>> reported,
                      Duration timeout, boolean remove, boolean volumes, Semaphore removing, Consumer<Progress> progress) {
        boolean ok = true;
        CompletableFuture<Void> announced = null;
        try {
            List<CompletableFuture<Void>> earlier = new ArrayList<>();
            for (String a : s.after()) {
                CompletableFuture<Void> before = stopped.get(a);
                if (before != null) {
                    before.join();
                    earlier.add(reported.get(a));
                }
            }
            if (s.stop()) {
                // Reported by whichever thread reports the last of those it follows, possibly while this stop runs.
                CompletableFuture<Void> before = CompletableFuture.allOf(earlier.toArray(CompletableFuture[]::new));
                announced = before.thenRun(() -> progress.accept(new Progress(s.id(), "stopping", null)));
                CompletableFuture<Void> gone = stopped.get(s.id());
                // Their exits (events) are published before this one's, as when each stop waited for the record.
                containers.stop(s.id(), timeout, () -> gone.complete(null), before);
                announced.join();
                progress.accept(new Progress(s.id(), "stopped", null));
            }
        } catch (RuntimeException e) {
            ok = false;
            if (announced != null) {
                announced.exceptionally(t -> null).join();
            }
            progress.accept(new Progress(s.id(), "failed", e.getMessage()));
        } finally {
            stopped.get(s.id()).complete(null);
            reported.get(s.id()).complete(null);
        }
        if (!remove || !ok) return;
        removing.acquireUninterruptibly();
        try {
            progress.accept(new Progress(s.id(), "removing", null));
            containers.remove(s.id(), volumes);
            progress.accept(new Progress(s.id(), "removed", null));
        } catch (RuntimeException e) {
            progress.accept(new Progress(s.id(), "failed", e.getMessage()));
        } finally {
            removing.release();
        }
    }
}
