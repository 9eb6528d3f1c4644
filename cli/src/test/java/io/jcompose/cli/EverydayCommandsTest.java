package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Command-line parsing of logs, exec, run, port, ls, wait, events, pause, unpause, top. */
class EverydayCommandsTest {
    @TempDir
    Path dir;

    private <T> T parse(Class<T> type, String... args) {
        CommandLine cl = JcomposeCommand.commandLine(CliContext.of(dir, Map.of()));
        CommandLine.ParseResult result = cl.parseArgs(args);
        while (result.hasSubcommand()) result = result.subcommand();
        return type.cast(result.commandSpec().userObject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"logs", "exec", "run", "port", "ls", "wait", "events", "pause", "unpause", "top"})
    void everyCommandHasHelp(String command) {
        CliRun run = CliRun.in(dir, command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: jcompose " + command);
    }

    @Test
    void logsOptions() {
        LogsCommand cmd = parse(LogsCommand.class, "logs", "-f", "--tail", "5", "-t", "--since", "10m", "--until",
                "2024-01-02T10:00:00Z", "--no-color", "--no-log-prefix", "--index", "2", "web");
        assertThat(cmd.follow).isTrue();
        assertThat(LogsRun.tail(cmd.tail)).isEqualTo(5);
        assertThat(cmd.timestamps).isTrue();
        assertThat(cmd.since).isEqualTo("10m");
        assertThat(cmd.until).isEqualTo("2024-01-02T10:00:00Z");
        assertThat(cmd.noColor).isTrue();
        assertThat(cmd.noLogPrefix).isTrue();
        assertThat(cmd.index).isEqualTo(2);
        assertThat(cmd.services).containsExactly("web");
        assertThat(LogsRun.tail(parse(LogsCommand.class, "logs").tail)).isEqualTo(-1);
    }

    @ParameterizedTest
    @CsvSource({"all, -1", "ALL, -1", "0, 0", "20, 20", "-3, -1"})
    void tailIsACountOrAll(String value, int expected) {
        assertThat(LogsRun.tail(value)).isEqualTo(expected);
    }

    @Test
    void aTailThatIsNoNumberIsRefused() {
        assertThatThrownBy(() -> LogsRun.tail("many")).isInstanceOf(CommandFailure.class).hasMessageContaining("--tail many");
    }

    @Test
    void execKeepsTheCommandsOwnOptions() {
        ExecCommand cmd = parse(ExecCommand.class, "exec", "-T", "-e", "A=1", "-u", "app", "-w", "/srv", "--index", "2",
                "web", "ls", "-la", "--color", "-e");
        assertThat(cmd.service).isEqualTo("web");
        assertThat(cmd.command).containsExactly("ls", "-la", "--color", "-e");
        assertThat(cmd.env).containsExactly("A=1");
        assertThat(cmd.user).isEqualTo("app");
        assertThat(cmd.workdir).isEqualTo("/srv");
        assertThat(cmd.index).isEqualTo(2);
        assertThat(cmd.noTty).isTrue();
        assertThat(cmd.detach).isFalse();
        assertThat(cmd.privileged).isFalse();
    }

    @Test
    void execDetachedAndPrivilegedAreFlags() {
        ExecCommand cmd = parse(ExecCommand.class, "exec", "-d", "--privileged", "web", "sleep", "5");
        assertThat(cmd.detach).isTrue();
        assertThat(cmd.privileged).isTrue();
        assertThat(cmd.command).containsExactly("sleep", "5");
    }

    @Test
    void execNeedsACommand() {
        CliRun run = CliRun.in(dir, "exec", "web");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("COMMAND");
    }

    @Test
    void runOptions() {
        RunCommand cmd = parse(RunCommand.class, "run", "--rm", "-d", "--name", "x", "-e", "A=1", "-l", "k=v",
                "--entrypoint", "sh -c", "-u", "1000", "-w", "/w", "-v", "./d:/d:ro", "-p", "8080:80", "-P",
                "--use-aliases", "--no-deps", "-T", "web", "echo", "-n", "hi");
        assertThat(cmd.rm).isTrue();
        assertThat(cmd.detach).isTrue();
        assertThat(cmd.name).isEqualTo("x");
        assertThat(cmd.env).containsExactly("A=1");
        assertThat(cmd.labels).containsExactly("k=v");
        assertThat(cmd.entrypoint).isEqualTo("sh -c");
        assertThat(cmd.user).isEqualTo("1000");
        assertThat(cmd.workdir).isEqualTo("/w");
        assertThat(cmd.volumes).containsExactly("./d:/d:ro");
        assertThat(cmd.publish).containsExactly("8080:80");
        assertThat(cmd.servicePorts).isTrue();
        assertThat(cmd.useAliases).isTrue();
        assertThat(cmd.noDeps).isTrue();
        assertThat(cmd.noTty).isTrue();
        assertThat(cmd.service).isEqualTo("web");
        assertThat(cmd.command).containsExactly("echo", "-n", "hi");
    }

    @Test
    void runWithoutACommandUsesTheServices() {
        RunCommand cmd = parse(RunCommand.class, "run", "web");
        assertThat(cmd.command).isEmpty();
        assertThat(cmd.rm).isFalse();
        assertThat(cmd.servicePorts).isFalse();
    }

    @Test
    void portLsWaitEventsParse() {
        PortCommand port = parse(PortCommand.class, "port", "--protocol", "udp", "--index", "2", "web", "53");
        assertThat(port.service).isEqualTo("web");
        assertThat(port.privatePort).isEqualTo(53);
        assertThat(port.protocol).isEqualTo("udp");
        assertThat(port.index).isEqualTo(2);
        LsCommand ls = parse(LsCommand.class, "ls", "-a", "-q", "--format", "json");
        assertThat(ls.all).isTrue();
        assertThat(ls.quiet).isTrue();
        assertThat(ls.format).isEqualTo(LsCommand.Format.json);
        WaitCommand wait = parse(WaitCommand.class, "wait", "--down-project", "a", "b");
        assertThat(wait.services).containsExactly("a", "b");
        assertThat(wait.downProject).isTrue();
        EventsCommand events = parse(EventsCommand.class, "events", "--json", "web");
        assertThat(events.json).isTrue();
        assertThat(events.services).containsExactly("web");
    }

    @Test
    void waitNeedsAService() {
        CliRun run = CliRun.in(dir, "wait");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void portNeedsThePrivatePortAsANumber() {
        CliRun run = CliRun.in(dir, "port", "web", "http");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("PRIVATE_PORT");
    }

    @Test
    void pauseAndUnpauseTakeServices() {
        assertThat(parse(PauseCommand.class, "pause", "a", "b").services).isEqualTo(List.of("a", "b"));
        assertThat(parse(UnpauseCommand.class, "unpause").services).isEmpty();
        assertThat(parse(TopCommand.class, "top", "web").services).containsExactly("web");
    }
}
