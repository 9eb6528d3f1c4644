package io.jcompose.agent.restart;

import io.jcompose.agent.container.Container;
import io.jcompose.agent.container.ContainerHooks;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.container.Supervision;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.event.ContainerEvent;
import io.jcompose.agent.event.EventBus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies restart policies: after an exit the user did not ask for, {@link RestartDecider} decides,
 * {@link Backoff} gives the delay, the container shows as {@code restarting} and a virtual thread
 * starts it again when the delay is over — unless the user stopped, started or removed it meanwhile.
 *
 * <p>Example: {@code on-failure:2} and a process that exits 1: restart after 100 ms (count 1), after
 * 200 ms (count 2), then it stays exited with restartCount 2.
 */
public final class RestartSupervisor implements ContainerHooks {
    private static final System.Logger LOG = System.getLogger(RestartSupervisor.class.getName());

    /** In-memory state of one container; guarded by the container's lock (hooks run under it). */
    private static final class Track {
        final Backoff backoff = new Backoff();
        int restartCount;
        boolean stoppedByUser;
        /** Bumped by every event that makes a scheduled restart obsolete. */
        long generation;
        boolean pending;
    }

    private final ContainerService containers;
    private final RestartStore store;
    private final EventBus events;
    private final ConcurrentHashMap<String, Track> tracks = new ConcurrentHashMap<>();

    public RestartSupervisor(ContainerService containers, RestartStore store, EventBus events) {
        this.containers = containers;
        this.store = store;
        this.events = events;
    }

    private Track track(String id) {
        return tracks.computeIfAbsent(id, k -> {
            RestartStore.Entry e = store.get(k);
            Track t = new Track();
            t.restartCount = e.restartCount();
            t.stoppedByUser = e.stoppedByUser();
            return t;
        });
    }

    /** Whether the user stopped {@code id} (kept across agent restarts). */
    public boolean stoppedByUser(String id) {
        return track(id).stoppedByUser;
    }

    @Override
    public void started(Container c, boolean byUser) {
        if (!byUser) {
            return;
        }
        Track t = track(c.id().value());
        synchronized (t) {
            t.generation++;
            t.pending = false;
            t.backoff.reset();
            // The track holds what the store holds (every change is saved): a container started afresh, as
            // every new one is, has nothing to write, and a start is spared a synced commit.
            if (t.restartCount != 0 || t.stoppedByUser) {
                t.restartCount = 0;
                t.stoppedByUser = false;
                save(c.id().value(), t);
            }
        }
    }

    @Override
    public void stopRequested(Container c) {
        Track t = track(c.id().value());
        synchronized (t) {
            t.generation++;
            t.pending = false;
            t.stoppedByUser = true;
            save(c.id().value(), t);
        }
    }

    @Override
    public void exited(Container c) {
        String id = c.id().value();
        Track t = track(id);
        Duration delay;
        long generation;
        synchronized (t) {
            int code = c.exitCode() == null ? 0 : c.exitCode();
            if (!RestartDecider.shouldRestart(c.spec().restart(), code, t.stoppedByUser, t.restartCount)) {
                return;
            }
            Instant started = c.startedAt() == null ? Instant.now() : c.startedAt();
            Instant ended = c.finishedAt() == null ? Instant.now() : c.finishedAt();
            delay = t.backoff.next(Duration.between(started, ended));
            generation = ++t.generation;
            t.pending = true;
        }
        events.publish(new ContainerEvent(ContainerEvent.Type.RESTARTING, id, c.name().value(), c.labels(), null,
                Instant.now(), delay.toString()));
        Thread.ofVirtual().name("restart-" + c.name().value()).start(() -> restartLater(id, t, generation, delay));
    }

    private void restartLater(String id, Track t, long generation, Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            return;
        }
        synchronized (t) {
            if (t.generation != generation || !t.pending) {
                return; // stopped, started or removed meanwhile
            }
            t.pending = false;
            t.restartCount++;
            save(id, t);
        }
        try {
            containers.start(id, false);
        } catch (AgentException e) {
            LOG.log(System.Logger.Level.WARNING, "restart of {0} failed: {1}", id, e.getMessage());
        }
    }

    @Override
    public void removed(Container c, boolean volumes) {
        Track t = tracks.remove(c.id().value());
        if (t != null) {
            synchronized (t) {
                t.generation++;
                t.pending = false;
            }
        }
    }

    @Override
    public Supervision describe(Container c, Supervision sofar) {
        Track t = track(c.id().value());
        synchronized (t) {
            return sofar.withRestart(t.pending, t.restartCount);
        }
    }

    private void save(String id, Track t) {
        store.put(id, new RestartStore.Entry(t.restartCount, t.stoppedByUser));
    }
}
