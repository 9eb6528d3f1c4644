package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VersionCommandTest {
    @TempDir
    Path dir;

    @Test
    void theVersionIsTheMavenProjectVersionWithoutTheSnapshotMarker() {
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+").doesNotContain("SNAPSHOT").doesNotContain("${");
    }

    static Stream<Arguments> forms() {
        String v = Version.current();
        return Stream.of(
                Arguments.of(new String[] {"version"}, "jcompose version " + v + "\n"),
                Arguments.of(new String[] {"version", "--format", "pretty"}, "jcompose version " + v + "\n"),
                Arguments.of(new String[] {"version", "--format", "json"}, "{\"version\":\"" + v + "\"}\n"),
                Arguments.of(new String[] {"version", "-f", "json"}, "{\"version\":\"" + v + "\"}\n"),
                Arguments.of(new String[] {"version", "--short"}, v + "\n"),
                // --short wins over --format, as in docker compose
                Arguments.of(new String[] {"version", "--short", "--format", "json"}, v + "\n"),
                Arguments.of(new String[] {"--version"}, "jcompose version " + v + "\n"),
                Arguments.of(new String[] {"-v"}, "jcompose version " + v + "\n"));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void printsTheVersionInEachForm(String[] args, String expected) {
        CliRun run = CliRun.in(dir, args);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replace(System.lineSeparator(), "\n")).isEqualTo(expected);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = CliRun.in(dir, "version", "--format", "yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--format").contains("pretty, json").contains("Usage: jcompose version");
    }
}
