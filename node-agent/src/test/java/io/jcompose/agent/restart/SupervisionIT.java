package io.jcompose.agent.restart;

import static io.jcompose.agent.testing.SpecBuilder.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.EventView;
import io.jcompose.agent.bundle.Healthcheck;
import io.jcompose.agent.bundle.RestartPolicy;
import io.jcompose.agent.syscall.Libc;
import io.jcompose.agent.testing.AgentFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Restart policies and health checks with real containers, observed through events and inspect. */
class SupervisionIT {
    static AgentFixture agent;

    @BeforeAll
    static void start() {
        assumeTrue(Libc.geteuid() == 0, "root-tier test");
        agent = AgentFixture.start();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @AfterEach
    void removeContainers() {
        agent.removeAll();
    }

    /** Events of one container, in order. */
    static final class Events implements AutoCloseable {
        final BlockingQueue<EventView> queue = new LinkedBlockingQueue<>();
        final AutoCloseable subscription;

        Events(String id) {
            subscription = agent.client().events(List.of("jt=" + agent.host().prefix()), e -> {
                if (e.id().equals(id)) {
                    queue.add(e);
                }
            });
        }

        /** Waits (bounded) for the {@code n}th event of {@code type}; returns every event seen until then. */
        List<EventView> await(String type, int n, java.util.List<EventView> seen) throws InterruptedException {
            int count = (int) seen.stream().filter(e -> e.type().equals(type)).count();
            while (count < n) {
                EventView e = queue.poll(60, TimeUnit.SECONDS);
                assertThat(e).as("event %s #%d", type, count + 1).isNotNull();
                seen.add(e);
                if (e.type().equals(type)) {
                    count++;
                }
            }
            return seen;
        }

        @Override
        public void close() throws Exception {
            subscription.close();
        }
    }

    private ContainerSpecBody supervised(ContainerSpecBody body, String restart, Healthcheck check) {
        return edit(body, s -> s.withSupervision(RestartPolicy.parse(restart), check));
    }

    /** Containers are created before subscribing so events can be filtered by id. */
    private ContainerView createWithEvents(String name, ContainerSpecBody spec) {
        return agent.create(name, spec);
    }

    @Test
    void onFailureTwoRestartsExactlyTwiceThenStaysExited() throws Exception {
        ContainerView c = createWithEvents("onfail", supervised(agent.spec("sh", "-c", "echo run; exit 3"), "on-failure:2", null));
        try (Events events = new Events(c.id())) {
            agent.client().start(c.id());
            List<EventView> seen = events.await("died", 3, new java.util.ArrayList<>());
            // wait takes the container's lock, so the third exit's restart decision has been made.
            assertThat(agent.client().awaitExit(c.id()).exitCode()).isEqualTo(3);
            ContainerView after = agent.client().inspect(c.id());
            assertThat(after.state()).isEqualTo("exited");
            assertThat(after.restartCount()).isEqualTo(2);
            assertThat(seen.stream().filter(e -> e.type().equals("restarting")).map(EventView::status))
                    .containsExactly("PT0.1S", "PT0.2S");
            assertThat(seen.stream().filter(e -> e.type().equals("started"))).hasSize(3);
        }
        assertThat(agent.output(c.id(), true, false)).isEqualTo("run\nrun\nrun");
    }

    @Test
    void alwaysRestartsAfterACrashButNotAfterAStopByTheUser() throws Exception {
        ContainerView c = createWithEvents("always", supervised(agent.spec("sh", "-c", "echo up; while true; do sleep 0.1; done"),
                "always", null));
        try (Events events = new Events(c.id())) {
            agent.client().start(c.id());
            List<EventView> seen = events.await("started", 1, new java.util.ArrayList<>());
            int firstPid = agent.client().inspect(c.id()).pid();
            // A crash: the process dies without anyone asking through the agent.
            ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
            events.await("started", 2, seen);
            ContainerView restarted = agent.client().inspect(c.id());
            assertThat(restarted.restartCount()).isEqualTo(1);
            assertThat(restarted.pid()).isNotEqualTo(firstPid);

            ContainerView stopped = agent.client().stop(c.id(), Duration.ofSeconds(1));
            assertThat(stopped.state()).isEqualTo("exited");
            // The stop returns after the exit was recorded and the policy consulted: nothing is pending.
            ContainerView after = agent.client().inspect(c.id());
            assertThat(after.state()).isEqualTo("exited");
            assertThat(events.queue.stream().filter(e -> e.type().equals("restarting"))).isEmpty();

            // A start by the user begins again from a restart count of 0.
            assertThat(agent.client().start(c.id()).restartCount()).isZero();
        }
    }

    @Test
    void aPassingProbeMakesItHealthy() throws Exception {
        Healthcheck check = new Healthcheck(List.of("CMD-SHELL", "echo probing from $$; true"), Duration.ofMillis(200),
                Duration.ofSeconds(10), null, null, null, false);
        ContainerView c = createWithEvents("healthy", supervised(agent.spec("sleep", "3600"), "no", check));
        try (Events events = new Events(c.id())) {
            agent.client().start(c.id());
            assertThat(agent.client().inspect(c.id()).health().status()).isIn("starting", "healthy");
            List<EventView> seen = events.await("health_status", 1, new java.util.ArrayList<>());
            assertThat(seen.getLast().status()).isEqualTo("healthy");
            ContainerView.HealthView health = agent.client().inspect(c.id()).health();
            assertThat(health.status()).isEqualTo("healthy");
            assertThat(health.failingStreak()).isZero();
            assertThat(health.log()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.exitCode()).isZero();
                assertThat(p.output()).startsWith("probing from ");
            });
        }
    }

    @Test
    void failingProbesMakeItUnhealthyAfterTheRetriesAndKeepTheirOutput() throws Exception {
        Healthcheck check = new Healthcheck(List.of("CMD", "sh", "-c", "echo not ready >&2; exit 1"), Duration.ofMillis(100),
                Duration.ofSeconds(10), null, null, 2, false);
        ContainerView c = createWithEvents("unhealthy", supervised(agent.spec("sleep", "3600"), "no", check));
        try (Events events = new Events(c.id())) {
            agent.client().start(c.id());
            List<EventView> seen = events.await("health_status", 1, new java.util.ArrayList<>());
            assertThat(seen.getLast().status()).isEqualTo("unhealthy");
            ContainerView.HealthView health = agent.client().inspect(c.id()).health();
            assertThat(health.status()).isEqualTo("unhealthy");
            assertThat(health.failingStreak()).isGreaterThanOrEqualTo(2);
            assertThat(health.log()).hasSizeBetween(2, 5).allSatisfy(p -> {
                assertThat(p.exitCode()).isEqualTo(1);
                assertThat(p.output()).isEqualTo("not ready\n");
            });
        }
    }

    @Test
    void aProbeThatOutlivesItsTimeoutIsKilledAndCountsAsAFailure() throws Exception {
        Healthcheck check = new Healthcheck(List.of("CMD", "sleep", "3600"), Duration.ofMillis(100),
                Duration.ofMillis(300), null, null, 1, false);
        ContainerView c = createWithEvents("timeout", supervised(agent.spec("sleep", "3600"), "no", check));
        try (Events events = new Events(c.id())) {
            agent.client().start(c.id());
            List<EventView> seen = events.await("health_status", 1, new java.util.ArrayList<>());
            assertThat(seen.getLast().status()).isEqualTo("unhealthy");
            var probe = agent.client().inspect(c.id()).health().log().getFirst();
            assertThat(probe.exitCode()).isEqualTo(-1);
            assertThat(probe.output()).contains("exceeded timeout");
            // The killed probe left no process behind in the container.
            var ps = agent.client().exec(c.id(), new io.jcompose.agent.api.v1.ExecRequest(List.of("ps"), null, null, null));
            assertThat(ps.stdout().lines().filter(l -> l.contains("sleep 3600"))).hasSize(1);
        }
    }
}
