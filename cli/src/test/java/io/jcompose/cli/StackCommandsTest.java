package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.model.project.PullPolicy;
import io.jcompose.scheduler.execute.ProgressEvent;
import io.jcompose.scheduler.plan.PlanOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Command-line parsing of the project commands, and the pieces of their output that need no agent. */
class StackCommandsTest {
    @TempDir
    Path dir;

    private <T> T parse(Class<T> type, String... args) {
        CommandLine cl = JcomposeCommand.commandLine(CliContext.of(dir, Map.of()));
        CommandLine.ParseResult result = cl.parseArgs(args);
        while (result.hasSubcommand()) result = result.subcommand();
        return type.cast(result.commandSpec().userObject());
    }

    static Stream<Arguments> upOptions() {
        PlanOptions d = PlanOptions.DEFAULTS;
        return Stream.of(
                Arguments.of(new String[] {"up", "-d"}, d),
                Arguments.of(new String[] {"up", "-d", "web", "api"}, d.withServices(List.of("web", "api"))),
                Arguments.of(new String[] {"up", "--force-recreate"}, d.withRecreate(PlanOptions.Recreate.FORCE)),
                Arguments.of(new String[] {"up", "--no-recreate"}, d.withRecreate(PlanOptions.Recreate.NEVER)),
                Arguments.of(new String[] {"up", "--no-deps", "web"}, d.withServices(List.of("web")).withNoDeps(true)),
                Arguments.of(new String[] {"up", "--always-recreate-deps", "web"},
                        d.withServices(List.of("web")).withAlwaysRecreateDeps(true)),
                Arguments.of(new String[] {"up", "--remove-orphans"}, d.withRemoveOrphans(true)),
                Arguments.of(new String[] {"up", "--no-start"}, d.withStart(false)),
                Arguments.of(new String[] {"up", "--scale", "web=3", "--scale", "db=0"},
                        d.withScale(Map.of("web", 3, "db", 0))),
                Arguments.of(new String[] {"up", "--pull", "always"}, d.withPull(PullPolicy.Kind.ALWAYS)),
                Arguments.of(new String[] {"up", "--pull", "never"}, d.withPull(PullPolicy.Kind.NEVER)));
    }

    @ParameterizedTest
    @MethodSource("upOptions")
    void upOptionsBecomePlanOptions(String[] args, PlanOptions expected) {
        assertThat(UpRun.options(parse(UpCommand.class, args))).isEqualTo(expected);
    }

    @Test
    void upFlagsAreParsed() {
        UpCommand up = parse(UpCommand.class, "up", "-d", "--dry-run", "--wait", "--wait-timeout", "30", "-t", "5");
        assertThat(up.detach).isTrue();
        assertThat(up.dryRun).isTrue();
        assertThat(up.await).isTrue();
        assertThat(up.waitTimeout).isEqualTo(30);
        assertThat(up.timeout).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "web=", "=3", "web=-1", "web=x"})
    void badScaleIsRefusedWithAnExample(String spec) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UpRun.scale(List.of(spec)))
                .isInstanceOf(CommandFailure.class).hasMessageContaining("--scale web=3");
    }

    @Test
    void conflictingRecreateFlagsFailBeforeAnythingIsLoaded() {
        CliRun run = CliRun.in(dir, "up", "--force-recreate", "--no-recreate");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--force-recreate and --no-recreate cannot be used together");
    }

    @Test
    void otherCommandsParseTheirOptions() {
        DownCommand down = parse(DownCommand.class, "down", "-v", "--remove-orphans", "-t", "3");
        assertThat(List.of(down.volumes, down.removeOrphans)).containsOnly(true);
        assertThat(down.timeout).isEqualTo(3);
        PsCommand ps = parse(PsCommand.class, "ps", "-a", "--format", "json", "--status", "exited", "web");
        assertThat(ps.all).isTrue();
        assertThat(ps.format).isEqualTo(PsCommand.Format.json);
        assertThat(ps.status).containsExactly("exited");
        assertThat(ps.services).containsExactly("web");
        RmCommand rm = parse(RmCommand.class, "rm", "-f", "-s", "-v");
        assertThat(List.of(rm.force, rm.stop, rm.volumes)).containsOnly(true);
        assertThat(parse(KillCommand.class, "kill", "-s", "SIGTERM").signal).isEqualTo("SIGTERM");
        assertThat(parse(KillCommand.class, "kill").signal).isEqualTo("SIGKILL");
        assertThat(parse(StopCommand.class, "stop", "-t", "0").timeout).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"up", "down", "ps", "create", "start", "stop", "restart", "rm", "kill"})
    void everyCommandHasHelp(String command) {
        CliRun run = CliRun.in(dir, command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: jcompose " + command);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DONE    | ✔ Container demo-web-1  Started",
            "WORKING | ' Container demo-web-1  Started'",
            "FAILED  | ' ✘ Container demo-web-1  Error: Started'"})
    void progressLinesLookLikeDockerCompose(ProgressEvent.Status status, String expected) {
        assertThat(ProgressPrinter.plain(new ProgressEvent(status, "Container demo-web-1", "Started")).strip())
                .isEqualTo(expected.strip());
    }

    @Test
    void jsonProgressIsOneObjectPerLine() {
        StringWriter err = new StringWriter();
        new ProgressPrinter(new PrintWriter(err), GlobalOptions.ProgressMode.json)
                .accept(ProgressEvent.done("Container demo-web-1", "Started"));
        assertThat(err.toString().strip())
                .isEqualTo("{\"id\":\"Container demo-web-1\",\"status\":\"done\",\"text\":\"Started\"}");
    }

    private static ContainerView container(String state, Integer exit, String started, String finished) {
        return new ContainerView("abc", "demo-web-1", Map.of("com.docker.compose.project", "demo",
                "com.docker.compose.service", "web"), state, 1, exit, false, "2026-01-01T00:00:00Z", started, finished,
                null, null, null, 0, List.of(new ContainerView.PublishedPortView("127.0.0.1", 8080, 80, "tcp")), Map.of());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "running | 2026-01-01T00:00:00Z | 2026-01-01T00:05:00Z | Up 5 minutes",
            "running | 2026-01-01T00:00:00Z | 2026-01-01T00:00:30Z | Up 30 seconds",
            "running | 2026-01-01T00:00:00Z | 2026-01-01T01:10:00Z | Up About an hour",
            "exited  | 2026-01-01T00:00:00Z | 2026-01-03T00:00:00Z | Exited (2) 2 days ago",
            "created | 2026-01-01T00:00:00Z | 2026-01-01T00:00:00Z | Created"})
    void statusReadsLikeDockers(String state, String at, String now, String expected) {
        ContainerView c = container(state, "exited".equals(state) ? 2 : null, at, at);
        assertThat(PsView.status(c, Instant.parse(now))).isEqualTo(expected);
    }

    @Test
    void psJsonHasDockerComposesFields() {
        var json = PsView.json(container("running", null, "2026-01-01T00:00:00Z", null), Instant.parse("2026-01-01T00:01:00Z"));
        assertThat(json).containsKeys("Command", "CreatedAt", "ExitCode", "Health", "ID", "Image", "Labels",
                "LocalVolumes", "Mounts", "Name", "Names", "Networks", "Ports", "Project", "Publishers", "RunningFor",
                "Service", "Size", "State", "Status");
        assertThat(json.get("Ports")).isEqualTo("127.0.0.1:8080->80/tcp");
        assertThat(json.get("Service")).isEqualTo("web");
        assertThat(json.get("Status")).isEqualTo("Up About a minute");
    }

    @ParameterizedTest
    @ValueSource(strings = {"down", "stop", "start", "restart", "rm", "kill", "pause", "unpause", "pull", "create",
        "wait app", "image rm", "image prune", "exec app true", "run app true"})
    void aCommandThatCannotShowAPlanRefusesDryRunBeforeReachingTheAgent(String command) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("compose.yaml"), "services:\n  app:\n    image: busybox\n");
        List<String> args = new java.util.ArrayList<>(List.of("--dry-run"));
        args.addAll(List.of(command.split(" ")));
        if (command.startsWith("image rm")) args.add("busybox");
        CliRun run = CliRun.run(CliContext.of(dir, Map.of("JCOMPOSE_RUNTIME_DIR", dir.resolve("none").toString())),
                args.toArray(String[]::new));
        String name = command.startsWith("exec") || command.startsWith("run") || command.startsWith("wait")
                ? command.split(" ")[0] : command;
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--dry-run is not supported by `" + name + "`", "nothing was changed");
    }
}
