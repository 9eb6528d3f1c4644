package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.network.NetworkSettings;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
    void theEnvironmentGivesAStartedAgentNetworksOfItsOwn() {
        CliContext context = CliContext.of(Path.of("/tmp"), Map.of("JCOMPOSE_RUNTIME_DIR", "/tmp/jt/run",
                "JCOMPOSE_LAUNCHER", "/opt/jcompose", "JCOMPOSE_NETWORK_PREFIX", "jtabc123",
                "JCOMPOSE_ADDRESS_POOLS", "10.213.0.0/16:24", "JCOMPOSE_RESOLV_CONF", "/tmp/jt/resolv.conf",
                "JCOMPOSE_DATA_ROOT", ""));
        assertThat(new AgentConnection(context).command()).containsExactly("setsid", "/opt/jcompose", "agent",
                "--runtime-dir", "/tmp/jt/run", "--network-prefix", "jtabc123", "--address-pools", "10.213.0.0/16:24",
                "--resolv-conf", "/tmp/jt/resolv.conf");
    }

    @Test
    void theAgentsNetworkOptionsNameItsInterfacesAndTableAndChooseItsPoolsAndResolver() {
        AgentCommand agent = new AgentCommand();
        new CommandLine(agent).parseArgs("--network-prefix", "jtabc123", "--address-pools", "10.213.0.0/16:24",
                "--resolv-conf", "/tmp/jt/resolv.conf");
        NetworkSettings settings = agent.networkOptions().applyTo(NetworkSettings.DEFAULT);
        assertThat(settings.prefix()).isEqualTo("jtabc123");
        assertThat(settings.table()).as("teardown deletes exactly the table named after the prefix").isEqualTo("jtabc123");
        assertThat(settings.poolsText()).isEqualTo("10.213.0.0/16:24");
        assertThat(settings.resolvConf()).isEqualTo(Path.of("/tmp/jt/resolv.conf"));
    }

    @Test
    void withoutNetworkOptionsTheAgentKeepsTheProductionNetworkSettings() {
        AgentCommand agent = new AgentCommand();
        new CommandLine(agent).parseArgs();
        assertThat(agent.networkOptions().applyTo(NetworkSettings.DEFAULT)).isEqualTo(NetworkSettings.DEFAULT);
    }

    @Test
    void aMalformedPoolIsRefusedWithTheOptionNamed() {
        AgentCommand agent = new AgentCommand();
        new CommandLine(agent).parseArgs("--address-pools", "10.213.0.0/16");
        assertThatThrownBy(() -> agent.networkOptions().applyTo(NetworkSettings.DEFAULT)).isInstanceOf(CommandFailure.class)
                .hasMessageContaining("--address-pools").hasMessageContaining("BASE/LENGTH:SIZE");
    }

    @Test
    void withoutEnvironmentTheHostsAgentIsUsedAndTheLauncherIsFoundFromTheBuild() {
        AgentConnection connection = new AgentConnection(CliContext.of(Path.of("/tmp"), Map.of()));
        assertThat(connection.runtimeDir()).isEqualTo(Path.of("/run/jcompose"));
        assertThat(connection.command()).containsExactly("setsid",
                Path.of("..", "jcompose").toAbsolutePath().normalize().toString(), "agent", "--runtime-dir", "/run/jcompose");
    }
}
