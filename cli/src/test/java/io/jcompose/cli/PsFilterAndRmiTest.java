package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.model.project.ProjectBinder;
import io.jcompose.scheduler.plan.Desired;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code ps --filter} and the choice of images {@code down --rmi} removes, as docker compose makes them. */
class PsFilterAndRmiTest {
    @TempDir
    Path dir;

    private PsCommand ps(String... args) {
        CommandLine cl = JcomposeCommand.commandLine(CliContext.of(dir, Map.of()));
        return (PsCommand) cl.parseArgs(args).subcommand().commandSpec().userObject();
    }

    @Test
    void statusFilterAddsToStatus() {
        PsCommand ps = ps("ps", "--status", "paused", "--filter", "status=exited");
        ps.applyFilter();
        assertThat(ps.status).containsExactly("paused", "exited");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status | arguments to --filter should be in form KEY=VAL",
            "name=web | unknown filter name",
            "source=image | --filter source is not implemented"})
    void otherFiltersAreRefused(String filter, String message) {
        CliRun run = CliRun.in(dir, "ps", "--filter", filter);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(message);
    }

    @Test
    void rmiRefusesAnUnknownModeBeforeAnythingHappens() {
        CliRun run = CliRun.in(dir, "down", "--rmi", "some");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--rmi some: expected local or all");
    }

    private Desired desired() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web: {build: ., image: shop/web:2}
                  api: {build: .}
                  db: {image: postgres:16}
                  cache: {image: redis:7}
                """);
        GlobalOptions global = new GlobalOptions();
        global.projectName = "demo";
        var loaded = ProjectLoading.load(ProjectLoading.options(global,
                CliContext.of(dir, Map.of("HOME", dir.toString()))), new PrintWriter(new StringWriter()));
        return new Desired(ProjectBinder.bind(loaded), Map.of(), loaded.configFiles());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "local | demo-api",
            "all   | shop/web:2,demo-api,postgres:16"})
    void localMeansBuiltWithoutACustomTagAllMeansEveryImage(String mode, String expected) throws Exception {
        Set<String> present = Set.of("shop/web:2", "demo-api", "postgres:16"); // redis:7 is not there
        assertThat(RmiImages.choose(mode, "demo", desired(), List.of(), present::contains))
                .containsExactly(expected.split(","));
    }

    private static ContainerView container(String service, String image) {
        ContainerSpecBody spec = ContainerSpecBody.ofImage(image);
        return new ContainerView("id-" + service, "demo-" + service + "-1", Map.of("com.docker.compose.project", "demo",
                "com.docker.compose.service", service), "exited", 0, 0, false, null, null, null, spec, null, null, 0,
                List.of(), Map.of());
    }

    @Test
    void withoutTheFileTheContainersNameTheImages() {
        List<ContainerView> containers = List.of(container("api", "demo-api"), container("db", "postgres:16"),
                container("db", "postgres:16"));
        assertThat(RmiImages.choose("local", "demo", null, containers, r -> true)).containsExactly("demo-api");
        assertThat(RmiImages.choose("all", "demo", null, containers, r -> true))
                .containsExactly("demo-api", "postgres:16");
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> RmiImages.checkMode("none")).isInstanceOf(CommandFailure.class);
    }
}
