package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** A command line builds only the subcommand its arguments name, found past the global options and their values. */
class LazySubcommandsTest {
    static Stream<Arguments> commandLines() {
        return Stream.of(
                Arguments.of("ps", "ps"),
                Arguments.of("-f a.yaml -p demo ps -a", "ps"),
                Arguments.of("--file=a.yaml --project-name=demo up -d", "up"),
                Arguments.of("-fa.yaml down", "down"),
                Arguments.of("--ansi never --progress plain --parallel 2 --env-file .env --profile x logs -f", "logs"),
                Arguments.of("--project-directory up ps", "ps"),          // a value that looks like a command
                Arguments.of("--dry-run --debug up", "up"),
                Arguments.of("exec web ls -la", "exec"),
                Arguments.of("image ls", "image"),
                Arguments.of("agent status", "agent"),
                Arguments.of("help ps", "*"),                              // help describes the others
                Arguments.of("completion bash", "*"),
                Arguments.of("", "*"),                                     // usage lists them all
                Arguments.of("--help", "*"),
                Arguments.of("-v", "*"),
                Arguments.of("--no-such-option ps", "*"),                  // picocli reports it with everything there
                Arguments.of("pss", "*"));                                 // and suggests the nearest command
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void registersOnlyTheNamedSubcommand(String line, String expected) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        CommandLine cl = JcomposeCommand.commandLine(CliContext.of(Path.of("."), Map.of()), args);
        if (expected.equals("*")) {
            assertThat(cl.getSubcommands().keySet()).containsExactlyElementsOf(JcomposeCommand.SUBCOMMANDS.keySet());
        } else {
            assertThat(cl.getSubcommands().keySet()).containsExactly(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void parsesTheSameWithOneSubcommandAsWithAll(String line, String expected) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        var context = CliContext.of(Path.of("."), Map.of());
        String all = describe(JcomposeCommand.commandLine(context), args);
        String lazy = describe(JcomposeCommand.commandLine(context, args), args);
        assertThat(lazy).isEqualTo(all);
    }

    private static String describe(CommandLine cl, String[] args) {
        try {
            CommandLine.ParseResult r = cl.parseArgs(args);
            StringBuilder sb = new StringBuilder();
            for (CommandLine.ParseResult p = r; p != null; p = p.subcommand()) {
                sb.append(p.commandSpec().name()).append(p.matchedArgs().size()).append(' ');
            }
            return sb.toString();
        } catch (CommandLine.ParameterException e) {
            return "error";
        }
    }

    @Test
    void eachSubcommandIsRegisteredUnderItsOwnName() {
        CommandLine all = JcomposeCommand.commandLine(CliContext.of(Path.of("."), Map.of()));
        JcomposeCommand.SUBCOMMANDS.forEach((name, type) -> {
            // run's model is built in code; the others' come from their @Command
            CommandLine.Command command = type.getAnnotation(CommandLine.Command.class);
            String declared = command != null ? command.name() : all.getSubcommands().get(name).getCommandSpec().name();
            assertThat(declared).as(type.getName()).isEqualTo(name);
            assertThat(all.getSubcommands().get(name).getCommandSpec().userObject()).isInstanceOf(type);
        });
    }
}
