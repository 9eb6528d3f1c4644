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
 * Probing starts with the container and stops when it exits or is removed; {@link #resume} picks the
 * running containers up again after an agent restart (their health then starts over as starting).
 */
public final class HealthMonitor implements ContainerHooks {
    private static final System.Logger LOG = System.getLogger(HealthMonitor.class.getName());

    /** One container's probing: its thread and its latest state. */
    private static final class Session {
        final Thread thread;
        volatile HealthState state = HealthState.INITIAL;

        Session(Thread thread) {
            this.thread = thread;
        }
    }

    private final ContainerService containers;
    private final EventBus events;
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    /** The last state of containers no longer probed, so inspect still shows how they ended. */
    private final ConcurrentHashMap<String, HealthState> finished = new ConcurrentHashMap<>();

    public HealthMonitor(ContainerService containers, EventBus events) {
        this.containers = containers;
        this.events = events;
    }

    /** Starts probing every running container that has a health check. */
    public void resume() {
        for (Container c : containers.list(List.of())) {
            if (c.state() == ContainerState.RUNNING) {
                begin(c);
            }
        }
    }

    @Override
    public void started(Container c, boolean byUser) {
        begin(c);
    }

    @Override
    public void exited(Container c) {
        end(c.id().value());
    }

    @Override
    public void removed(Container c, boolean volumes) {
        end(c.id().value());
        finished.remove(c.id().value());
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

    private void begin(Container c) {
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
        holder[0] = new Session(thread);
        sessions.put(id, holder[0]);
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
                Thread.sleep(session.state.nextDelay(startedAt, Instant.now(), check));
                Probe probe = probe(id, check);
                if (Thread.currentThread().isInterrupted() || sessions.get(id) != session) {
                    return; // the container stopped while the probe ran: its result is not about a live container
                }
                HealthState before = session.state;
                session.state = before.apply(probe, startedAt, check);
                if (session.state.status() != before.status()) {
                    events.publish(new ContainerEvent(ContainerEvent.Type.HEALTH_STATUS, id, c.name().value(),
                            c.labels(), null, Instant.now(), session.state.status().wireName()));
                }
            }
        } catch (InterruptedException e) {
            // The container stopped or was removed.
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
