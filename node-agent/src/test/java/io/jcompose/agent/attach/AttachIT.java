package io.jcompose.agent.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.api.v1.ExecRequest;
import io.jcompose.agent.client.ExecAttachment;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.testing.AgentFixture;
import io.jcompose.agent.testing.SpecBuilder;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clients attached to containers' main processes through conmon's attach socket. */
class AttachIT {
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

    private static String create(String name, boolean tty, boolean stdinOpen, boolean stdinOnce, String... command) {
        ContainerSpecBody spec = SpecBuilder.edit(agent.spec(command),
                s -> s.withProcess(s.process().withTty(tty, stdinOpen)));
        Map<String, String> labels = new HashMap<>(Map.of("jt", agent.host().prefix()));
        if (stdinOnce) {
            labels.put(ContainerService.STDIN_ONCE_LABEL, "true");
        }
        return agent.client().create(new CreateContainerRequest(agent.host().prefix() + "-" + name, labels, spec)).id();
    }

    @Test
    void attachedBeforeTheStartNothingIsMissedAndTheExitCodeComesLast() throws Exception {
        String id = create("first", false, false, false, "sh", "-c", "echo first; echo second >&2; exit 3");
        Collector out = new Collector();
        Collector err = new Collector();
        try (ExecAttachment attached = agent.client().attach(id, false, 0, 0, out, err)) {
            agent.client().start(id);
            assertThat(attached.exitCode().get(30, TimeUnit.SECONDS)).isEqualTo(3);
        }
        assertThat(out.text()).isEqualTo("first\n");
        assertThat(err.text()).isEqualTo("second\n");
    }

    @Test
    void attachingToACreatedContainerSetsItUpAheadOfItsStartAndARemovalWithoutAStartUndoesThat() throws Exception {
        String id = create("ahead", false, false, false, "sh", "-c", "echo ran");
        java.nio.file.Path runtimeState = agent.host().runtimeDir().resolve("runc").resolve(id);
        try (ExecAttachment attached = agent.client().attach(id, false, 0, 0, new Collector(), new Collector())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!java.nio.file.Files.exists(runtimeState) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(runtimeState).as("the runtime's create, done ahead of the start").exists();
            assertThat(agent.client().inspect(id).state()).isEqualTo("created");
        }
        agent.client().remove(id, false);
        assertThat(runtimeState).doesNotExist();
    }

    @Test
    void outputWrittenAfterAttachingToARunningContainerArrives() throws Exception {
        String id = create("running", false, false, false, "sh", "-c",
                "while [ ! -e /tmp/go ]; do sleep 0.05; done; echo after; echo oops >&2; exit 5");
        agent.client().start(id);
        Collector out = new Collector();
        Collector err = new Collector();
        try (ExecAttachment attached = agent.client().attach(id, false, 0, 0, out, err)) {
            agent.client().exec(id, new ExecRequest(List.of("touch", "/tmp/go"), null, null, null));
            out.await("after\n");
            err.await("oops\n");
            assertThat(attached.exitCode().get(30, TimeUnit.SECONDS)).isEqualTo(5);
        }
        assertThat(agent.client().inspect(id).exitCode()).isEqualTo(5);
    }

    @Test
    void stdinReachesTheContainerAndItsEndClosesAStdinOnceInput() throws Exception {
        String id = create("cat-once", false, true, true, "cat");
        Collector out = new Collector();
        try (ExecAttachment attached = agent.client().attach(id, true, 0, 0, out, new Collector())) {
            agent.client().start(id);
            attached.stdin().write("hello\n".getBytes(StandardCharsets.UTF_8));
            out.await("hello\n");
            attached.closeStdin();
            assertThat(attached.exitCode().get(30, TimeUnit.SECONDS)).isZero();
        }
    }

    @Test
    void detachingLeavesTheContainerRunningWithItsInputOpenForTheNextClient() throws Exception {
        String id = create("cat-kept", false, true, false, "cat");
        agent.client().start(id);
        Collector first = new Collector();
        try (ExecAttachment attached = agent.client().attach(id, true, 0, 0, first, new Collector())) {
            attached.stdin().write("one\n".getBytes(StandardCharsets.UTF_8));
            first.await("one\n");
            attached.closeStdin(); // without StdinOnce the container's input stays open
        }
        assertThat(agent.client().inspect(id).state()).isEqualTo("running");
        Collector second = new Collector();
        try (ExecAttachment attached = agent.client().attach(id, true, 0, 0, second, new Collector())) {
            attached.stdin().write("two\n".getBytes(StandardCharsets.UTF_8));
            second.await("two\n");
        }
        assertThat(agent.client().inspect(id).state()).isEqualTo("running");
        agent.client().kill(id, "KILL");
    }

    @Test
    void aTerminalTakesItsSizeAndResizes() throws Exception {
        String id = create("tty", true, true, false, "sh");
        Collector out = new Collector();
        try (ExecAttachment attached = agent.client().attach(id, true, 30, 100, out, new Collector())) {
            agent.client().start(id);
            send(attached, "stty size\n");
            out.awaitContains("30 100\r\n");
            attached.resize(40, 120);
            send(attached, "stty size\n");
            out.awaitContains("40 120\r\n");
            send(attached, "exit 4\n");
            assertThat(attached.exitCode().get(30, TimeUnit.SECONDS)).isEqualTo(4);
        }
    }

    @Test
    void inputIsRefusedForAContainerWithoutStdinOpen() {
        String id = create("no-stdin", false, false, false, "true");
        assertThatThrownBy(() -> agent.client().attach(id, true, 0, 0, new Collector(), new Collector()))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("stdin_open");
                });
    }

    private static void send(ExecAttachment attached, String text) throws Exception {
        attached.stdin().write(text.getBytes(StandardCharsets.UTF_8));
        attached.stdin().flush();
    }

    /** Output kept in memory; the awaits wait, bounded, for what is expected. */
    static final class Collector extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized void await(String prefix) throws InterruptedException {
            waitFor(() -> text().startsWith(prefix));
            assertThat(text()).startsWith(prefix);
        }

        synchronized void awaitContains(String part) throws InterruptedException {
            waitFor(() -> text().contains(part));
            assertThat(text()).contains(part);
        }

        private void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!done.getAsBoolean() && System.nanoTime() < deadline) {
                wait(100);
            }
        }
    }
}
