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
    private IsolatedAgent isolated;

    @AfterEach
    void stopAgentAndRemoveWhatItKeeps() throws IOException, InterruptedException {
        if (agent != null && agent.isAlive()) {
            agent.destroy();
            if (!agent.waitFor(20, TimeUnit.SECONDS)) agent.destroyForcibly();
        }
        // The agent's cgroup parent, nftables table and netns mount outlive it by design; this test's must not.
        if (isolated != null) isolated.remove();
    }

    @Test
    void agentRunsReportsStatusAndStops() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the agent runs as root only");
        isolated = IsolatedAgent.in(tmp);
        Path runtime = isolated.runtime();
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "agent"));
        command.addAll(isolated.agentFlags());
        agent = new ProcessBuilder(command)
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
