package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.daemon.AgentMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher starts `jcompose agent` with the JVM options the agent's memory figures depend on. */
class LauncherAgentOptionsTest {
    private static final String OPTIONS_FILE = "node-agent/src/main/resources/io/jcompose/agent/daemon/jvm-options";

    @Test
    void launcherAndAgentMainReadTheSameOptionsFile() throws IOException {
        String launcher = Files.readString(Path.of("..", "jcompose"));
        assertThat(launcher).contains("$root/" + OPTIONS_FILE);
        List<String> inFile = Files.readAllLines(Path.of("..", OPTIONS_FILE)).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        // Native access comes from the jar's manifest (Enable-Native-Access), not from the command line.
        assertThat(AgentMain.JVM_OPTIONS.stream().filter(o -> !o.startsWith("--enable-native-access")).toList())
                .isEqualTo(inFile).contains("-XX:+UseSerialGC", "-Xmx48m");
    }
}
