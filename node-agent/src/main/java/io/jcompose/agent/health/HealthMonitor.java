package io.jcompose.agent.health;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.bundle.Healthcheck;
import io.jcompose.agent.container.Container;
import io.jcompose.agent.container.ContainerHooks;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.container.ContainerState;
import io.jcompose.agent.container.Execs;
import io.jcompose.agent.container.Supervision;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.event.ContainerEvent;
import io.jcompose.agent.event.EventBus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs each running container's health check: one virtual thread per container sleeps until the
 * next probe, runs it inside the container through the agent's exec (killed at the timeout), folds
 * the result into {@link HealthState} and publishes {@code health_status} when the status changes.
 * Probing starts with the container and stops when it exits or is removed. Every new state is saved
 * ({@link HealthStore}), and {@link #resume} picks the running containers up again after an agent
 * restart with the state saved for their current run: a healthy container stays healthy, keeps its
 * probe log, and its next probe comes one interval after its last one (the start period still counts
 * from the container's own start, it does not begin again).
 */
public final class HealthMonitor implements ContainerHooks {
    private static final System.Logger LOG = System.getLogger(HealthMonitor.class.getName());

    /** One container's probing: its thread and its latest state. */
    private static final class Session {
        final Thread thread;
        volatile HealthState state;

        Session(Thread thread, HealthState state) {
            this.thread = thread;
            this.state = state;
        }
    }

    private final ContainerService containers;
    private final EventBus events;
    private final HealthStore store;
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    /** The last state of containers no longer probed, so inspect still shows how they ended. */
    private final ConcurrentHashMap<String, HealthState> finished = new ConcurrentHashMap<>();

    public HealthMonitor(ContainerService containers, EventBus events, HealthStore store) {
        this.containers = containers;
        this.events = events;
        this.store = store;
    }

    /**
     * Starts probing every running container that has a health check, from the state saved for its
     * current run; a stopped container shows the state its last run ended with.
     */
    public void resume() {
        for (Container c : containers.list(List.of())) {
            HealthState saved = savedForThisRun(c);
            if (c.state() == ContainerState.RUNNING) {
                begin(c, saved == null ? HealthState.INITIAL : saved);
            } else if (saved != null) {
                finished.put(c.id().value(), saved);
            }
        }
    }

    private HealthState savedForThisRun(Container c) {
        if (c.startedAt() == null) {
            return null;
        }
        return store.get(c.id().value()).filter(s -> s.runStartedAt().equals(c.startedAt()))
                .map(HealthStore.Saved::state).orElse(null);
    }

    @Override
    public void started(Container c, boolean byUser) {
        begin(c, HealthState.INITIAL);
    }

    @Override
    public void exited(Container c) {
        end(c.id().value());
    }

    @Override
    public void removed(Container c, boolean volumes) {
        end(c.id().value());
        finished.remove(c.id().value());
        store.remove(c.id().value());
    }

    @Override
    public Supervision describe(Container c, Supervision sofar) {
        Session s = sessions.get(c.id().value());
        HealthState state = s != null ? s.state : finished.get(c.id().value());
        if (state == null || c.spec().healthcheck() == null || !c.spec().healthcheck().enabled()) {
            return sofar;
        }
        return sofar.withHealth(new ContainerView.HealthView(state.status().wireName(), state.failingStreak(),
                state.log().stream().map(p -> new ContainerView.ProbeView(p.start().toString(), p.end().toString(),
                        p.exitCode(), p.output())).toList()));
    }

    private void begin(Container c, HealthState from) {
        Healthcheck check = c.spec().healthcheck();
        if (check == null || !check.enabled()) {
            return;
        }
        String id = c.id().value();
        end(id);
        finished.remove(id);
        Instant startedAt = c.startedAt() == null ? Instant.now() : c.startedAt();
        Session[] holder = new Session[1];
        Thread thread = Thread.ofVirtual().name("health-" + c.name().value()).unstarted(() -> loop(c, check, startedAt, holder[0]));
        holder[0] = new Session(thread, from);
        sessions.put(id, holder[0]);
        save(id, startedAt, from);
        thread.start();
    }

    private void end(String id) {
        Session s = sessions.remove(id);
        if (s != null) {
            finished.put(id, s.state);
            s.thread.interrupt();
        }
    }

    private void loop(Container c, Healthcheck check, Instant startedAt, Session session) {
        String id = c.id().value();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(untilNextProbe(session.state, startedAt, check));
                Probe probe = probe(id, check);
                if (Thread.currentThread().isInterrupted() || sessions.get(id) != session) {
                    return; // the container stopped while the probe ran: its result is not about a live container
                }
                HealthState before = session.state;
                session.state = before.apply(probe, startedAt, check);
                save(id, startedAt, session.state);
                if (session.state.status() != before.status()) {
                    events.publish(new ContainerEvent(ContainerEvent.Type.HEALTH_STATUS, id, c.name().value(),
                            c.labels(), null, Instant.now(), session.state.status().wireName()));
                }
            }
        } catch (InterruptedException e) {
            // The container stopped or was removed.
        }
    }

    /**
     * One delay after the last probe ended, as Docker's loop waits; with no probe yet, one delay from
     * now. A state restored after an agent restart thus keeps its schedule, and an overdue probe runs at once.
     */
    static Duration untilNextProbe(HealthState state, Instant startedAt, Healthcheck check) {
        Instant now = Instant.now();
        Duration delay = state.nextDelay(startedAt, now, check);
        if (state.log().isEmpty()) {
            return delay;
        }
        Duration left = Duration.between(now, state.log().getLast().end().plus(delay));
        return left.isNegative() ? Duration.ZERO : left.compareTo(delay) > 0 ? delay : left;
    }

    private void save(String id, Instant startedAt, HealthState state) {
        try {
            store.put(id, startedAt, state);
        } catch (AgentException e) {
            // Probing goes on; only an agent restart would forget this state.
            LOG.log(System.Logger.Level.WARNING, "health state of {0} not saved: {1}", id, e.getMessage());
        }
    }

    private Probe probe(String id, Healthcheck check) {
        Instant start = Instant.now();
        Duration timeout = check.effectiveTimeout();
        try {
            Execs.Outcome o = containers.exec(id, new Execs.Request(check.command(), List.of(), null, null), timeout);
            if (o.timedOut()) {
                return new Probe(start, Instant.now(), -1, "Health check exceeded timeout (" + timeout + ")");
            }
            byte[] out = new byte[o.stdout().length + o.stderr().length];
            System.arraycopy(o.stdout(), 0, out, 0, o.stdout().length);
            System.arraycopy(o.stderr(), 0, out, o.stdout().length, o.stderr().length);
            return new Probe(start, Instant.now(), o.exitCode(), truncate(out));
        } catch (AgentException e) {
            LOG.log(System.Logger.Level.DEBUG, "health probe of {0} could not run: {1}", id, e.getMessage());
            return new Probe(start, Instant.now(), -1, e.getMessage());
        }
    }

    /** At most {@link HealthState#MAX_OUTPUT} bytes, cut on a character boundary. */
    static String truncate(byte[] output) {
        if (output.length <= HealthState.MAX_OUTPUT) {
            return new String(output, StandardCharsets.UTF_8);
        }
        int end = HealthState.MAX_OUTPUT;
        while (end > 0 && (output[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(output, 0, end, StandardCharsets.UTF_8);
    }
}
