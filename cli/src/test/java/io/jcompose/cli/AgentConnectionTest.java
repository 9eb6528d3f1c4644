package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent a command starts is the launcher's, with the directories the environment names. */
class AgentConnectionTest {
    @Test
    void theEnvironmentChoosesTheDirectoriesOfTheConnectionAndOfAStartedAgent() {
        CliContext context = CliContext.of(Path.of("/tmp"), Map.of("JCOMPOSE_RUNTIME_DIR", "/tmp/jt/run",
                "JCOMPOSE_DATA_ROOT", "/tmp/jt/data", "JCOMPOSE_CGROUP_PARENT", "/jtabc", "JCOMPOSE_LAUNCHER", "/opt/jcompose"));
        AgentConnection connection = new AgentConnection(context);
        assertThat(connection.runtimeDir()).isEqualTo(Path.of("/tmp/jt/run"));
        assertThat(connection.command()).containsExactly("setsid", "/opt/jcompose", "agent", "--runtime-dir", "/tmp/jt/run",
                "--data-root", "/tmp/jt/data", "--cgroup-parent", "/jtabc");
    }

    @Test
    void withoutEnvironmentTheHostsAgentIsUsedAndTheLauncherIsFoundFromTheBuild() {
        AgentConnection connection = new AgentConnection(CliContext.of(Path.of("/tmp"), Map.of()));
        assertThat(connection.runtimeDir()).isEqualTo(Path.of("/run/jcompose"));
        assertThat(connection.command()).containsExactly("setsid",
                Path.of("..", "jcompose").toAbsolutePath().normalize().toString(), "agent", "--runtime-dir", "/run/jcompose");
    }
}
