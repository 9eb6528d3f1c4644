package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help texts that mention ${VAR} must print it, not picocli's expansion of it. */
class ConfigHelpTest {
    @Test
    void helpShowsVariableSyntaxLiterally() {
        StringWriter out = new StringWriter();
        CommandLine cmd = JcomposeCommand.commandLine(CliContext.of(Path.of("."), Map.of()));
        cmd.setOut(new PrintWriter(out));
        assertThat(cmd.execute("config", "--help")).isZero();
        assertThat(out.toString()).contains("Leave ${VARIABLE} references as they are.").doesNotContain("null");
    }
}
