package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.client.AgentClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code up} in the foreground through the real launcher: {@code --abort-on-container-exit} and
 * {@code --exit-code-from} end the stack with docker compose's exit codes, Ctrl-C stops it gracefully and a second
 * Ctrl-C kills it. Root only (the agent runs as root).
 */
class UpForegroundIT extends LauncherStack {
    @Override
    List<String> downArgs() {
        return List.of("--profile", "slow", "down", "--remove-orphans", "-t", "0");
    }





    @Test
    void abortExitCodeAndCtrlC() throws Exception {
        startStack("""
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

        // job exits 3 first: the stack is stopped and up exits with job's code.
        Result abort = run("up", "--abort-on-container-exit", "--no-color");
        assertThat(abort.exit()).as(abort.output()).isEqualTo(3);
        assertThat(abort.output()).contains("job-1  | hi\n", "job-1 exited with code 3\n", "Aborting on container exit...",
                "app-1  | started\n");
        AgentClient client = new AgentClient(agent.runtime().resolve("jcompose.sock"));
        assertThat(client.list(List.of("com.docker.compose.project=" + agent.name())))
                .extracting(ContainerView::state).containsOnly("exited");

        // --exit-code-from app: app's own exit (SIGKILL after its grace period: sleep as PID 1 ignores SIGTERM).
        Result from = run("up", "--exit-code-from", "app", "--no-color");
        assertThat(from.exit()).as(from.output()).isEqualTo(137);

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


}
