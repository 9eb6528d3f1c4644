package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.daemon.AgentMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launcher starts `jcompose agent` with the JVM options the agent's memory figures depend on. */
class LauncherAgentOptionsTest {
    @Test
    void launcherPassesEveryAgentJvmOption() throws IOException {
        String launcher = Files.readString(Path.of("..", "jcompose"));
        for (String option : AgentMain.JVM_OPTIONS) {
            // Native access comes from the jar's manifest (Enable-Native-Access), not from the command line.
            if (option.startsWith("--enable-native-access")) continue;
            assertThat(launcher).as(option).contains(option);
        }
    }
}
