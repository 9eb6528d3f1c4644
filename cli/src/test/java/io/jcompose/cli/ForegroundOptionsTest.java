package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.project.Project;
import io.jcompose.model.project.ProjectBinder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code up} in the foreground: what it refuses, what it shows, what it waits for — as docker compose decides. */
class ForegroundOptionsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-d --abort-on-container-exit | --detach cannot be combined with --abort-on-container-exit",
            "-d --abort-on-container-failure | --detach cannot be combined",
            "-d --exit-code-from web | --detach cannot be combined",
            "-d --attach web | --detach cannot be combined",
            "--wait --attach web | --wait cannot be combined with --abort-on-container-exit, --attach",
            "--wait --exit-code-from web | --wait cannot be combined",
            "--abort-on-container-exit --abort-on-container-failure | --abort-on-container-failure cannot be combined with --abort-on-container-exit",
            "--attach web --attach-dependencies | cannot combine --attach and --attach-dependencies",
            "--no-recreate --always-recreate-deps | --always-recreate-deps and --no-recreate are incompatible"})
    void incompatibleFlagsAreRefusedBeforeAnythingIsLoaded(String args, String message) {
        CliRun run = CliRun.in(dir, ("up " + args).split(" "));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(message);
    }

    private UpCommand up(String... args) {
        CommandLine cl = JcomposeCommand.commandLine(CliContext.of(dir, Map.of()));
        CommandLine.ParseResult result = cl.parseArgs(args).subcommand();
        UpCommand up = (UpCommand) result.commandSpec().userObject();
        up.validate();
        return up;
    }

    private Project project() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web: {image: busybox, depends_on: [db]}
                  db: {image: busybox}
                  test: {image: busybox, depends_on: [web]}
                  noisy: {image: busybox, attach: false}
                """);
        GlobalOptions global = new GlobalOptions();
        global.projectName = "demo";
        return ProjectBinder.bind(ProjectLoading.load(ProjectLoading.options(global,
                CliContext.of(dir, Map.of("HOME", dir.toString()))), new PrintWriter(new StringWriter())));
    }

    @Test
    void exitCodeFromImpliesAbortOnExit() {
        UpCommand up = up("up", "--exit-code-from", "test");
        assertThat(up.abortOnExit).isTrue();
        assertThat(ExitWatch.cascade(up.abortOnExit, up.abortOnFailure)).isEqualTo(ExitWatch.Cascade.STOP);
    }

    @Test
    void withoutServicesEveryServiceButAttachFalseIsShownAndWatched() throws Exception {
        Attach.Foreground f = UpRun.foreground(up("up"), project(), Set.of("web", "db", "test", "noisy"));
        assertThat(f.attach()).containsExactly("db", "test", "web");
        assertThat(f.watch()).containsExactly("db", "test", "web");
        assertThat(f.cascade()).isEqualTo(ExitWatch.Cascade.IGNORE);
    }

    @Test
    void namedServicesAreShownWithoutTheirDependenciesUnlessAsked() throws Exception {
        Set<String> run = Set.of("web", "db", "test");
        assertThat(UpRun.foreground(up("up", "test"), project(), run).attach()).containsExactly("test");
        assertThat(UpRun.foreground(up("up", "test"), project(), run).watch()).containsExactly("test");
        assertThat(UpRun.foreground(up("up", "--attach-dependencies", "test"), project(), run).attach())
                .containsExactly("db", "test", "web");
    }

    @Test
    void attachAndNoAttachChooseTheLogsAndTheWatchFollows() throws Exception {
        Set<String> run = Set.of("web", "db", "test", "noisy");
        Attach.Foreground f = UpRun.foreground(up("up", "--attach", "noisy", "--attach", "web", "--no-attach", "web"),
                project(), run);
        assertThat(f.attach()).containsExactly("noisy");
        assertThat(f.watch()).containsExactly("noisy");
        Attach.Foreground g = UpRun.foreground(up("up", "--no-attach", "db", "--abort-on-container-failure"), project(),
                run);
        assertThat(g.attach()).containsExactly("test", "web");
        assertThat(g.cascade()).isEqualTo(ExitWatch.Cascade.FAIL);
    }

    @Test
    void attachingToAServiceOutsideTheRunOrAnUnknownExitCodeServiceIsRefused() throws Exception {
        Project project = project();
        assertThatThrownBy(() -> UpRun.foreground(up("up", "--attach", "noisy", "web"), project, Set.of("web", "db")))
                .isInstanceOf(CommandFailure.class).hasMessage("cannot attach to services not included in up: noisy");
        assertThatThrownBy(() -> UpRun.foreground(up("up", "--exit-code-from", "nope"), project, Set.of("web")))
                .isInstanceOf(CommandFailure.class).hasMessage("no such service: nope");
    }
}
