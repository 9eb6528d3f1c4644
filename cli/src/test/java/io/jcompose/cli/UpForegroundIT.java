package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.client.AgentControl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up} in the foreground through the real launcher: {@code --abort-on-container-exit} and
 * {@code --exit-code-from} end the stack with docker compose's exit codes, Ctrl-C stops it gracefully and a second
 * Ctrl-C kills it. Root only (the agent runs as root).
 */
class UpForegroundIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("jcompose");

    @TempDir
    Path tmp;

    private IsolatedAgent agent;
    private Map<String, String> env;
    private Path project;

    @AfterEach
    void takeEverythingDown() throws Exception {
        try {
            if (env != null && AgentControl.status(agent.runtime()).isPresent()) run("--profile", "slow", "down", "--remove-orphans", "-t", "0");
        } finally {
            if (agent != null) {
                AgentControl.stop(agent.runtime(), Duration.ofSeconds(30));
                agent.remove();
            }
        }
    }

    @Test
    void abortExitCodeAndCtrlC() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the agent runs as root only");
        agent = IsolatedAgent.in(tmp);
        env = new java.util.HashMap<>(agent.env());
        env.put("COMPOSE_PROJECT_NAME", agent.name());
        project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("compose.yaml"), """
                services:
                  app:
                    image: jcompose.local/busybox:1
                    command: [sh, -c, "echo started; exec sleep 600"]
                    stop_grace_period: 1s
                  job:
                    image: jcompose.local/busybox:1
                    command: [sh, -c, "sleep 1; echo hi; exit 3"]
                  slow:
                    image: jcompose.local/busybox:1
                    command: [sh, -c, "echo started; exec sleep 600"]
                    stop_grace_period: 60s
                    profiles: [slow]
                """);
        Path images = tmp.resolve("images");
        Process build = new ProcessBuilder(ROOT.resolve("examples/images/build.sh").toString(), "--out",
                images.toString(), "busybox").inheritIO().start();
        assertThat(build.waitFor()).isZero();
        Result load = run("image", "load", "-i", images.resolve("busybox.oci.tar").toString());
        assertThat(load.exit).as(load.output).isZero();

        // job exits 3 first: the stack is stopped and up exits with job's code.
        Result abort = run("up", "--abort-on-container-exit", "--no-color");
        assertThat(abort.exit).as(abort.output).isEqualTo(3);
        assertThat(abort.output).contains("job-1  | hi\n", "job-1 exited with code 3\n", "Aborting on container exit...",
                "app-1  | started\n");
        AgentClient client = new AgentClient(agent.runtime().resolve("jcompose.sock"));
        assertThat(client.list(List.of("com.docker.compose.project=" + agent.name())))
                .extracting(ContainerView::state).containsOnly("exited");

        // --exit-code-from app: app's own exit (SIGKILL after its grace period: sleep as PID 1 ignores SIGTERM).
        Result from = run("up", "--exit-code-from", "app", "--no-color");
        assertThat(from.exit).as(from.output).isEqualTo(137);

        // Ctrl-C stops gracefully; slow would take 60 s to stop, the second Ctrl-C kills it.
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "--profile", "slow", "up", "--no-color", "slow")
                .directory(project.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process up = pb.start();
        StringBuffer output = new StringBuffer();
        Thread reader = Thread.ofPlatform().start(() -> copy(up.getInputStream(), output));
        awaitText(output, "slow-1  | started");
        signal(up, "INT");
        awaitText(output, "Gracefully stopping... (press Ctrl+C again to force)");
        signal(up, "INT");
        assertThat(up.waitFor(30, TimeUnit.SECONDS)).as(output.toString()).isTrue();
        reader.join();
        assertThat(up.exitValue()).as(output.toString()).isEqualTo(130);
        assertThat(client.list(List.of("com.docker.compose.project=" + agent.name(),
                "com.docker.compose.service=slow"))).extracting(ContainerView::state).containsOnly("exited");
    }

    private static void copy(InputStream in, StringBuffer to) {
        byte[] buf = new byte[4096];
        try {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) to.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the process ended
        }
    }

    private static void awaitText(StringBuffer output, String text) throws InterruptedException {
        for (int i = 0; i < 600 && !output.toString().contains(text); i++) Thread.sleep(100);
        assertThat(output.toString()).contains(text);
    }

    private static void signal(Process p, String signal) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor()).isZero();
    }

    private record Result(int exit, String output) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("jcompose " + String.join(" ", args)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
