package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent status|stop} look for the agent where every other command does: JCOMPOSE_RUNTIME_DIR first. */
class AgentStatusDirectoryTest {
    @Test
    void statusAndStopFollowJcomposeRuntimeDir(@TempDir Path dir) {
        CliContext context = CliContext.of(dir, Map.of("HOME", dir.toString(), "JCOMPOSE_RUNTIME_DIR", dir.toString()));

        CliRun status = CliRun.run(context, "agent", "status");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out()).contains("no agent answers on " + dir.resolve("jcompose.sock"));

        CliRun stop = CliRun.run(context, "agent", "stop");
        assertThat(stop.out()).contains("no agent was running");
    }

    @Test
    void theOptionWinsOverTheEnvironment(@TempDir Path dir) {
        Path other = dir.resolve("other");
        CliContext context = CliContext.of(dir, Map.of("HOME", dir.toString(), "JCOMPOSE_RUNTIME_DIR", dir.toString()));

        CliRun status = CliRun.run(context, "agent", "status", "--runtime-dir", other.toString());
        assertThat(status.out()).contains("no agent answers on " + other.resolve("jcompose.sock"));
    }
}
