package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.client.AgentReadiness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's path to the agent, through the real launcher: {@code jcompose agent} in the foreground,
 * {@code agent status} while it serves, {@code agent stop}, then {@code agent status} again. Root only (the
 * agent is); the agent gets its own data and runtime directories and cgroup parent so nothing is shared
 * with a real one.
 */
class AgentCommandIT {
    private static final Path LAUNCHER = Path.of("..", "jcompose").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private Process agent;
    private String cgroup;

    @AfterEach
    void stopAgentAndRemoveItsCgroups() throws IOException, InterruptedException {
        if (agent != null && agent.isAlive()) {
            agent.destroy();
            if (!agent.waitFor(20, TimeUnit.SECONDS)) agent.destroyForcibly();
        }
        if (cgroup == null) return;
        // The agent's cgroup parent outlives its containers by design; this test's one must not.
        try (var controllers = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path controller : controllers.toList()) {
                Path dir = controller.resolve(cgroup.substring(1));
                if (!Files.isDirectory(dir)) continue;
                try (var tree = Files.walk(dir)) {
                    for (Path d : tree.filter(Files::isDirectory).sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(d);
                    }
                }
            }
        }
    }

    @Test
    void agentRunsReportsStatusAndStops() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the agent runs as root only");
        Path runtime = tmp.resolve("run");
        Path data = tmp.resolve("data");
        cgroup = "/jt" + Long.toHexString(System.nanoTime() & 0xffffffL);
        agent = new ProcessBuilder(LAUNCHER.toString(), "agent", "--data-root", data.toString(),
                "--runtime-dir", runtime.toString(), "--cgroup-parent", cgroup)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("agent.log").toFile()).start();

        AgentReadiness.await(runtime, Duration.ofSeconds(60));
        Result status = run("agent", "status", "--runtime-dir", runtime.toString());
        assertThat(status.exit).as(status.output).isZero();
        assertThat(status.output).contains("running: pid " + agent.pid()).contains("runtime ");

        Result stop = run("agent", "stop", "--runtime-dir", runtime.toString());
        assertThat(stop.exit).as(stop.output).isZero();
        assertThat(stop.output).contains("stopped");
        assertThat(agent.waitFor(20, TimeUnit.SECONDS)).isTrue();
        // SIGTERM ends the JVM once the shutdown hook has closed the daemon: 128 + 15.
        assertThat(agent.exitValue()).isEqualTo(143);

        Result after = run("agent", "status", "--runtime-dir", runtime.toString());
        assertThat(after.exit).isEqualTo(1);
        assertThat(after.output).contains("not running");
        assertThat(Files.readString(tmp.resolve("agent.log"))).contains("ready on");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
