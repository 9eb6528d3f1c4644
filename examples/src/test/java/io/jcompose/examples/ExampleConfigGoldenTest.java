package io.jcompose.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.cli.CliContext;
import io.jcompose.cli.JcomposeCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Each example's {@code jcompose config} output (YAML and JSON), as a user runs it in the example's
 * directory, against a golden file beside it. {@code -Djcompose.golden.update=true} rewrites them.
 * The repository path is written as {@code @EXAMPLES@} so the files do not depend on the checkout.
 */
class ExampleConfigGoldenTest {
    private static final Path EXAMPLES = Path.of("").toAbsolutePath();
    private static final boolean UPDATE = Boolean.getBoolean("jcompose.golden.update");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("compose.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList()
                    .stream().flatMap(name -> Stream.of(name + ":yaml", name + ":json"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void configOutputMatchesGoldenFile(String testCase) throws IOException {
        String example = testCase.substring(0, testCase.indexOf(':'));
        String format = testCase.substring(testCase.indexOf(':') + 1);
        Path dir = EXAMPLES.resolve(example);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = JcomposeCommand.commandLine(CliContext.of(dir, Map.of("HOME", "/home/user")));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute("config", "--format", format);
        assertThat(exit).as(err.toString()).isZero();
        String actual = out.toString().replace(EXAMPLES.toString(), "@EXAMPLES@");
        Path golden = dir.resolve("config.golden." + format);
        if (UPDATE) Files.writeString(golden, actual);
        assertThat(golden).as("golden file; create it with -Djcompose.golden.update=true").exists();
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
