package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            zzzzzzzz                | Unmatched argument at index 0: 'zzzzzzzz' | Usage: jcompose
            --bogus version         | Unknown option: '--bogus'                 | Usage: jcompose
            version --bogus         | Unknown option: '--bogus'                 | Usage: jcompose version
            --ansi sometimes config | Invalid value for option '--ansi'         | Usage: jcompose
            --progress fancy config | Invalid value for option '--progress'     | Usage: jcompose
            --parallel many config  | Invalid value for option '--parallel'     | Usage: jcompose
            -p                      | Missing required parameter for option '--project-name' | Usage: jcompose
            """)
    void badCommandLinesExitWithTwoAndShowUsageOnStderr(String args, String message, String usage) {
        CliRun run = CliRun.in(dir, args.split(" "));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(message).contains(usage);
    }

    @Test
    void aCloseMisspellingGetsASuggestion() {
        CliRun run = CliRun.in(dir, "verison");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Did you mean: jcompose version");
    }

    @Test
    void withoutACommandTheHelpIsShown() {
        CliRun run = CliRun.in(dir);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: jcompose").contains("Commands:").contains("version");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpListsTheGlobalOptionsDockerComposeHas() {
        CliRun run = CliRun.in(dir, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("-f, --file=FILE", "-p, --project-name=NAME", "--project-directory=DIR",
                "--env-file=FILE", "--profile=PROFILE", "--debug", "--ansi=WHEN", "--progress=TYPE",
                "--parallel=N", "--dry-run");
    }

    @Test
    void ansiAlwaysColoursTheHelpAndNeverDoesNot() {
        assertThat(CliRun.in(dir, "--ansi", "always", "--help").out()).contains("\u001B[");
        assertThat(CliRun.in(dir, "--ansi", "never", "--help").out()).doesNotContain("\u001B[");
    }

    @Test
    void globalOptionsAreAcceptedBeforeTheCommand() {
        CliRun run = CliRun.in(dir, "-f", "a.yaml", "-f", "b.yaml", "-p", "demo", "--project-directory", ".",
                "--env-file", "x.env", "--profile", "debug", "--debug", "--ansi", "never", "--progress", "plain",
                "--parallel", "4", "--dry-run", "version", "--short");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(Version.current());
    }
}
