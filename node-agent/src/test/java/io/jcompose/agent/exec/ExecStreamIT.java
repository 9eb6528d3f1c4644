package io.jcompose.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.ExecRequest;
import io.jcompose.agent.api.v1.ExecStartRequest;
import io.jcompose.agent.client.ExecAttachment;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.testing.AgentFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exec attached to its connection: output as it is written, input piped in, TTYs with their size, exit codes. */
class ExecStreamIT {
    static AgentFixture agent;
    static String id;

    @BeforeAll
    static void start() {
        agent = AgentFixture.start();
        id = agent.create("exec-stream", agent.spec("sh", "-c", "while true; do sleep 0.1; done")).id();
        agent.client().start(id);
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.removeAll();
            agent.close();
        }
    }

    private static ExecStartRequest request(List<String> command, boolean tty) {
        return new ExecStartRequest(command, null, null, null, tty, null, null, tty ? 24 : null, tty ? 80 : null);
    }

    @Test
    void outputArrivesWhileTheProcessRunsAndStdinReachesIt() throws Exception {
        Collector out = new Collector();
        Collector err = new Collector();
        // The process waits for its input after its first lines: those can only be seen if they are streamed.
        try (ExecAttachment exec = agent.client().execAttached(id, request(
                List.of("sh", "-c", "echo first; echo warn >&2; read line; echo got:$line; exit 3"), false), out, err)) {
            out.await("first\n");
            err.await("warn\n");
            assertThat(exec.exitCode()).isNotDone();
            exec.stdin().write("hello\n".getBytes(StandardCharsets.UTF_8));
            exec.stdin().flush();
            assertThat(exec.exitCode().get(30, TimeUnit.SECONDS)).isEqualTo(3);
        }
        assertThat(out.text()).isEqualTo("first\ngot:hello\n");
        assertThat(err.text()).isEqualTo("warn\n");
    }

    @Test
    void stdinIsPipedWholeAndItsEndIsSeen() throws Exception {
        byte[] input = new byte[512 * 1024];
        new Random(7).nextBytes(input);
        Collector out = new Collector();
        try (ExecAttachment exec = agent.client().execAttached(id, request(List.of("cat"), false), out, new Collector())) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    exec.stdin().write(input);
                    exec.closeStdin();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(exec.exitCode().get(60, TimeUnit.SECONDS)).isZero();
            writer.join();
        }
        assertThat(out.bytes()).isEqualTo(input);
    }

    @Test
    void withoutTtyTheProcessHasNoTerminal() throws Exception {
        try (ExecAttachment exec = agent.client().execAttached(id, request(List.of("test", "-t", "0"), false),
                new Collector(), new Collector())) {
            exec.closeStdin();
            assertThat(exec.exitCode().get(30, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void aTtyExecHasATerminalOfTheGivenSizeWhichFollowsResizes() throws Exception {
        Collector out = new Collector();
        try (ExecAttachment exec = agent.client().execAttached(id, request(List.of("sh", "-c",
                "test -t 0 && test -t 1 && echo is-a-tty; while read x; do stty size; done; exit 4"), true),
                out, new Collector())) {
            out.await("is-a-tty");
            askUntil(exec, out, "24 80");
            exec.resize(50, 132);
            askUntil(exec, out, "50 132");
            exec.stdin().write(4); // ^D: end of input for the shell's read, through the terminal's line discipline
            exec.stdin().flush();
            assertThat(exec.exitCode().get(30, TimeUnit.SECONDS)).isEqualTo(4);
        }
    }

    /** Each line typed makes the shell print the size; the size reaches the container's terminal when the runtime is told. */
    private static void askUntil(ExecAttachment exec, Collector out, String size) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!out.text().contains(size) && System.nanoTime() < deadline) {
            exec.stdin().write('\n');
            exec.stdin().flush();
            Thread.sleep(100);
        }
        assertThat(out.text()).contains(size);
    }

    @Test
    void privilegedGivesEveryCapabilityAndDetachReturnsAtOnce() throws Exception {
        Collector plain = new Collector();
        Collector privileged = new Collector();
        run(request(List.of("grep", "CapEff", "/proc/self/status"), false), plain);
        run(new ExecStartRequest(List.of("grep", "CapEff", "/proc/self/status"), null, null, null, null, true, null,
                null, null), privileged);
        assertThat(plain.text()).isNotEqualTo(privileged.text());
        // The agent runs in this JVM: a privileged exec has what it has.
        String own = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("CapEff")).findFirst().orElseThrow();
        assertThat(privileged.text().strip().split("\\s+")[1]).isEqualTo(own.split("\\s+")[1]);

        // Detached: the exit frame comes once the process runs; the process itself keeps going.
        Collector none = new Collector();
        assertThat(run(new ExecStartRequest(List.of("sh", "-c", "echo x; exec sleep 31"), null, null, null, null, null,
                true, null, null), none)).isZero();
        assertThat(none.text()).isEmpty();
        var ps = agent.client().exec(id, new ExecRequest(List.of("ps"), null, null, null));
        assertThat(ps.stdout()).contains("sleep 31");
    }

    @Test
    void errorsBeforeTheProcessStartsAreOrdinaryAnswers() {
        var stopped = agent.create("exec-stopped", agent.spec("true"));
        assertThatThrownBy(() -> agent.client().execAttached(stopped.id(), request(List.of("true"), false),
                new Collector(), new Collector()))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION));
        assertThatThrownBy(() -> agent.client().execAttached(id, new ExecStartRequest(List.of("true"), null,
                "nobody-here", null, null, null, null, null, null), new Collector(), new Collector()))
                .isInstanceOf(AgentException.class).hasMessageContaining("nobody-here");
    }

    private static int run(ExecStartRequest request, Collector out) throws Exception {
        try (ExecAttachment exec = agent.client().execAttached(id, request, out, new Collector())) {
            exec.closeStdin();
            return exec.exitCode().get(30, TimeUnit.SECONDS);
        }
    }

    /** Output kept in memory; {@link #await} waits (bounded) until it starts with what is expected. */
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

        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized void await(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!text().startsWith(prefix) && System.nanoTime() < deadline) {
                wait(100);
            }
            assertThat(text()).startsWith(prefix);
        }
    }
}
