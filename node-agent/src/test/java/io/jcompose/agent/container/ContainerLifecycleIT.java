package io.jcompose.agent.container;

import static io.jcompose.agent.testing.SpecBuilder.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.api.v1.EventView;
import io.jcompose.agent.api.v1.ExecRequest;
import io.jcompose.agent.api.v1.ExecResult;
import io.jcompose.agent.api.v1.LogLine;
import io.jcompose.agent.bundle.MountSpec;
import io.jcompose.agent.client.LogOptions;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.testing.AgentFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lifecycle operations through the API: stop, kill, pause, exec, logs, events and their errors. */
class ContainerLifecycleIT {
    static AgentFixture agent;

    @BeforeAll
    static void start() {
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

    /** A shell that says it is up, then loops until signalled. */
    static final String SERVE = "trap 'echo got-term; exit 0' TERM; echo up; while true; do sleep 0.1; done";

    @Test
    void stopLetsATermHandlerFinishAndKillsWhatIgnoresTermAfterTheGracePeriod() {
        var polite = agent.create("polite", agent.spec("sh", "-c", SERVE));
        agent.client().start(polite.id());
        awaitLine(polite.id(), "up");
        ContainerView stopped = agent.client().stop(polite.id(), Duration.ofSeconds(30));
        assertThat(stopped.state()).isEqualTo("exited");
        assertThat(stopped.exitCode()).isZero();
        assertThat(agent.output(polite.id(), true, false)).contains("got-term");

        // PID 1 without a handler ignores SIGTERM: only SIGKILL after the grace period ends it.
        var stubborn = agent.create("stubborn", agent.spec("sh", "-c", "echo up; while true; do sleep 0.1; done"));
        agent.client().start(stubborn.id());
        awaitLine(stubborn.id(), "up");
        ContainerView killed = agent.client().stop(stubborn.id(), Duration.ofSeconds(1));
        assertThat(killed.exitCode()).isEqualTo(137);
        assertThat(killed.oomKilled()).isFalse();

        // The runtime's state and cgroups go with the exit (deleted in the agent, as runc delete would), at the
        // latest by the end of remove, which waits for the exit's teardown.
        for (String id : List.of(polite.id(), stubborn.id())) {
            agent.client().remove(id, false);
            assertThat(agent.host().runtimeDir().resolve("runc").resolve(id)).doesNotExist();
            assertThat(agent.host().leftoverCgroups()).allSatisfy(dir -> assertThat(dir.resolve(id)).doesNotExist());
        }
    }

    @Test
    void killSendsTheGivenSignalAndStartAfterExitRunsAgain() {
        var c = agent.create("kill", agent.spec("sh", "-c", "trap 'echo usr1; exit 7' USR1; echo up; while true; do sleep 0.1; done"));
        agent.client().start(c.id());
        awaitLine(c.id(), "up");
        agent.client().kill(c.id(), "USR1");
        assertThat(agent.client().awaitExit(c.id()).exitCode()).isEqualTo(7);

        agent.client().start(c.id());
        awaitLine(c.id(), "up", 2);
        assertThat(agent.client().inspect(c.id()).state()).isEqualTo("running");
        agent.client().kill(c.id(), "SIGKILL");
        assertThat(agent.client().awaitExit(c.id()).exitCode()).isEqualTo(137);
    }

    @Test
    void pauseFreezesUntilUnpauseAndRefusesWhatAPausedContainerCannotDo() {
        var c = agent.create("pause", agent.spec("sh", "-c", "echo up; while true; do sleep 0.1; done"));
        agent.client().start(c.id());
        awaitLine(c.id(), "up");

        assertThat(agent.client().pause(c.id()).state()).isEqualTo("paused");
        assertThatThrownBy(() -> agent.client().exec(c.id(), new ExecRequest(List.of("true"), null, null, null)))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
                    assertThat(e.problem()).isEqualTo("cannot exec a container in state paused");
                });
        assertThatThrownBy(() -> agent.client().remove(c.id(), false))
                .hasMessageContaining("cannot remove a container in state paused").hasMessageContaining("force");
        assertThat(agent.client().unpause(c.id()).state()).isEqualTo("running");
        assertThat(agent.client().stop(c.id(), Duration.ofSeconds(1)).exitCode()).isEqualTo(137);
    }

    @Test
    void execRunsWithEnvUserAndWorkdirAndReturnsItsExitCode() {
        var c = agent.create("exec", edit(agent.spec("sh", "-c", "echo up; while true; do sleep 0.1; done"), s -> s
                .withProcess(s.process().withEnv(List.of("FROM_CONTAINER=1")))));
        agent.client().start(c.id());
        awaitLine(c.id(), "up");

        ExecResult result = agent.client().exec(c.id(), new ExecRequest(
                List.of("sh", "-c", "id -u; pwd; echo $FROM_CONTAINER $EXTRA; echo oops >&2; exit 5"),
                List.of("EXTRA=2"), "app", "/tmp"));
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.stdout().lines()).containsExactly("1000", "/tmp", "1 2");
        assertThat(result.stderr()).isEqualTo("oops\n");

        ExecResult asRoot = agent.client().exec(c.id(), new ExecRequest(List.of("id", "-u"), null, null, null));
        assertThat(asRoot.exitCode()).isZero();
        assertThat(asRoot.stdout()).isEqualTo("0\n");
    }

    @Test
    void logsKeepStreamsApartTailAndFollowUntilExit() {
        var c = agent.create("logs", agent.spec("sh", "-c",
                "for i in 1 2 3; do echo out$i; echo err$i >&2; done; echo ready; while true; do sleep 0.1; done"));
        agent.client().start(c.id());
        awaitLine(c.id(), "ready");
        awaitErrLine(c.id(), "err3"); // the monitor drains the two pipes independently

        assertThat(agent.output(c.id(), true, false).lines()).containsExactly("out1", "out2", "out3", "ready");
        assertThat(agent.output(c.id(), false, true).lines()).containsExactly("err1", "err2", "err3");
        List<String> tail = new CopyOnWriteArrayList<>();
        // Tail per stream: the monitor reads stdout and stderr apart, so their interleaving is not kept.
        agent.client().logs(c.id(), new LogOptions(true, false, 2, false), l -> tail.add(l.message()));
        assertThat(tail).containsExactly("out3", "ready");

        List<LogLine> followed = new CopyOnWriteArrayList<>();
        Thread follower = Thread.startVirtualThread(() ->
                agent.client().logs(c.id(), new LogOptions(true, false, 0, true), followed::add));
        agent.client().kill(c.id(), "SIGKILL");
        assertThat(agent.client().awaitExit(c.id()).exitCode()).isEqualTo(137);
        awaitJoin(follower);
        assertThat(follower.isAlive()).as("follow ends when the container exits").isFalse();
    }

    @Test
    void eventsStreamTheLifecycleWithTheExitCode() throws Exception {
        List<EventView> seen = new CopyOnWriteArrayList<>();
        CountDownLatch destroyed = new CountDownLatch(1);
        try (AutoCloseable sub = agent.client().events(List.of("jt=" + agent.host().prefix()), e -> {
            seen.add(e);
            if (e.type().equals("destroyed")) {
                destroyed.countDown();
            }
        })) {
            var run = agent.run("events", agent.spec("sh", "-c", "exit 3"));
            agent.client().remove(run.id(), false);
            assertThat(destroyed.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).extracting(EventView::type).containsExactly("created", "started", "died", "destroyed");
        assertThat(seen.get(2).exitCode()).isEqualTo(3);
        assertThat(seen).allSatisfy(e -> assertThat(e.name()).endsWith("-events"));
    }

    @Test
    void aStopSequenceStopsAChainInOrderAndItsEventsAndProgressKeepThatOrder() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            var c = agent.create(name, agent.spec("sh", "-c", SERVE));
            agent.client().start(c.id());
            awaitLine(c.id(), "up");
            ids.add(c.id());
        }
        List<EventView> seen = new CopyOnWriteArrayList<>();
        CountDownLatch destroyed = new CountDownLatch(3);
        List<String> progress = new CopyOnWriteArrayList<>();
        try (AutoCloseable sub = agent.client().events(List.of("jt=" + agent.host().prefix()), e -> {
            seen.add(e);
            if (e.type().equals("destroyed")) {
                destroyed.countDown();
            }
        })) {
            // first, then second once first's process has ended, then third: each signalled before the previous
            // exit may be recorded, and still reported, published and removed as compose expects.
            agent.client().stopSequence(new io.jcompose.agent.api.v1.StopSequenceRequest(List.of(
                    new io.jcompose.agent.api.v1.StopSequenceRequest.Step(ids.get(2), true, List.of(ids.get(1))),
                    new io.jcompose.agent.api.v1.StopSequenceRequest.Step(ids.get(1), true, List.of(ids.get(0))),
                    new io.jcompose.agent.api.v1.StopSequenceRequest.Step(ids.get(0), true, List.of())),
                    30, true, false), p -> progress.add(p.type() + " " + ids.indexOf(p.id())));
            assertThat(destroyed.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen.stream().filter(e -> e.type().equals("died")).map(e -> ids.indexOf(e.id())).toList())
                .containsExactly(0, 1, 2);
        // exit 0: each ran its TERM handler
        assertThat(seen).filteredOn(e -> e.type().equals("died")).allSatisfy(e -> assertThat(e.exitCode()).isZero());
        assertThat(progress.stream().filter(p -> p.startsWith("stop")).toList())
                .containsExactly("stopping 0", "stopped 0", "stopping 1", "stopped 1", "stopping 2", "stopped 2");
        assertThat(progress).contains("removed 0", "removed 1", "removed 2");
    }

    @Test
    void listFiltersByLabels() {
        agent.client().create(new CreateContainerRequest(agent.host().prefix() + "-a",
                Map.of("jt", agent.host().prefix(), "tier", "web"), agent.spec("true")));
        agent.client().create(new CreateContainerRequest(agent.host().prefix() + "-b",
                Map.of("jt", agent.host().prefix(), "tier", "db"), agent.spec("true")));

        assertThat(agent.client().list(List.of("jt=" + agent.host().prefix(), "tier=db")))
                .extracting(ContainerView::name).containsExactly(agent.host().prefix() + "-b");
        assertThat(agent.client().list(List.of("jt=" + agent.host().prefix(), "tier"))).hasSize(2);
    }

    @Test
    void badRequestsFailClearlyAndLeaveNothingBehind() throws Exception {
        Path containers = agent.host().dataRoot().resolve("containers");
        long before = count(containers);

        assertThatThrownBy(() -> agent.create("ghost", edit(agent.spec("id"), s -> s
                .withProcess(s.process().withUser("ghost", List.of())))))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
                    assertThat(e.problem()).contains("user \"ghost\" is not defined in the image's /etc/passwd");
                    assertThat(e.fix()).isNotBlank();
                });
        assertThatThrownBy(() -> agent.create("nobind", edit(agent.spec("true"), s -> s
                .withMounts(List.of(new MountSpec.Bind(Path.of("/nonexistent/jt"), "/data", false, null, false))))))
                .hasMessageContaining("bind source /nonexistent/jt for /data does not exist");
        assertThatThrownBy(() -> agent.create("tiny", edit(agent.spec("true"), s -> s
                .withResources(s.resources().withMemory(6L << 20, 0).withMemory(1L << 20, 0)))))
                .hasMessageContaining("below the minimum");
        assertThatThrownBy(() -> agent.client().create(new CreateContainerRequest("x", null, null)))
                .hasMessageContaining("no spec");
        assertThat(count(containers)).isEqualTo(before);
        assertThat(agent.client().list(List.of("jt=" + agent.host().prefix()))).isEmpty();

        agent.create("dup", agent.spec("true"));
        assertThatThrownBy(() -> agent.create("dup", agent.spec("true")))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS));
        assertThatThrownBy(() -> agent.client().inspect("no-such-container"))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        assertThatThrownBy(() -> agent.client().kill(agent.host().prefix() + "-dup", "KILL"))
                .hasMessageContaining("cannot kill a container in state created");
    }

    private static long count(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var s = Files.list(dir)) {
            return s.count();
        }
    }

    /** Follows the log until {@code line} has appeared {@code times} times (the container is up). */
    static void awaitLine(String id, String line) {
        awaitLine(id, line, 1);
    }

    static void awaitLine(String id, String line, int times) {
        int[] seen = {0};
        agent.client().logs(id, new LogOptions(true, false, -1, true), l -> !(l.message().equals(line) && ++seen[0] >= times));
        assertThat(seen[0]).as("saw \"%s\"", line).isEqualTo(times);
    }

    static void awaitErrLine(String id, String line) {
        boolean[] seen = {false};
        agent.client().logs(id, new LogOptions(false, true, -1, true), l -> !(seen[0] = l.message().equals(line)));
        assertThat(seen[0]).as("saw \"%s\" on stderr", line).isTrue();
    }

    private static void awaitJoin(Thread t) {
        try {
            t.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
