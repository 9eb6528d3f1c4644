package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code jcompose completion}: the script, run by a real bash against a compose file. */
class CompletionTest {
    @TempDir
    Path dir;

    @Test
    void unknownShellIsRefused() {
        CliRun run = CliRun.in(dir, "completion", "fish");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bash", "zsh");
    }

    @Test
    void zshGetsTheScriptThatLoadsBashcompinit() {
        CliRun run = CliRun.in(dir, "completion", "zsh");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("bashcompinit", "complete -F _complete_jcompose", "_jcompose_services");
    }

    /**
     * Completes {@code line} with the generated script in bash; {@code jcompose} on the PATH is a stub that answers
     * {@code config --services} the way the real one does for a two-service file, so no JVM starts per test.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jcompose logs | web db",
            "jcompose -f other.yaml up --exit-code-from | other-svc",
            "jcompose up --attach | web db",
            "jcompose up --abort | --abort-on-container-exit --abort-on-container-failure",
            "jcompose --ansi | never always auto",
            "jcompose ps --format | table json",
            "jcompose completion | bash zsh"})
    void completesCommandsOptionsAndServiceNames(String line, String expected) throws Exception {
        Files.writeString(dir.resolve("jc.bash"), CliRun.in(dir, "completion", "bash").out());
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path stub = Files.writeString(bin.resolve("jcompose"), """
                #!/bin/bash
                if [[ "$*" == "-f other.yaml config --services" ]]; then echo other-svc; exit 0; fi
                [[ "$*" == "config --services" ]] && printf 'web\\ndb\\n'
                """);
        stub.toFile().setExecutable(true);
        String words = line.endsWith("--abort") ? line : line + " ";
        String script = "source jc.bash\nCOMP_LINE='" + words + "'\nread -ra COMP_WORDS <<< \"$COMP_LINE\"\n"
                + "[[ \"$COMP_LINE\" == *' ' ]] && COMP_WORDS+=('')\nCOMP_CWORD=$((${#COMP_WORDS[@]}-1))\n"
                + "_complete_jcompose 2>/dev/null\necho \"${COMPREPLY[*]}\"\n";
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", "-c", script)).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo(expected);
    }
}
