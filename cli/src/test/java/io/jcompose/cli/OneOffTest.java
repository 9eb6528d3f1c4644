package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.NetworkAttachmentBody;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.model.LoadedProject;
import io.jcompose.model.project.PortConfig;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.ProjectBinder;
import io.jcompose.model.project.Service;
import io.jcompose.model.project.ServiceVolume;
import io.jcompose.scheduler.translate.SpecTranslator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The one-off container of {@code run}: its name, labels and the overrides of the command line. */
class OneOffTest {
    @TempDir
    Path dir;

    private Project project;

    @BeforeEach
    void loadProject() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web:
                    image: busybox
                    command: [httpd, -f]
                    restart: always
                    environment: {A: from-file, B: kept}
                    ports: ["8080:80"]
                    volumes: ["data:/var/data"]
                    networks:
                      front: {aliases: [www]}
                volumes:
                  data: {}
                networks:
                  front: {}
                """);
        LoadedProject loaded = ProjectLoading.load(ProjectLoading.options(new GlobalOptions(),
                CliContext.of(dir, Map.of("HOME", dir.toString()))), new PrintWriter(new StringWriter()));
        project = ProjectBinder.bind(loaded);
    }

    private RunCommand run(String... args) {
        CommandLine cl = JcomposeCommand.commandLine(CliContext.of(dir, Map.of()));
        CommandLine.ParseResult result = cl.parseArgs(args);
        while (result.hasSubcommand()) result = result.subcommand();
        return (RunCommand) result.commandSpec().userObject();
    }

    @Test
    void namesAreProjectServiceRunAndTwelveHexOfTheSlug() {
        String slug = OneOff.slug(new SplittableRandom(7));
        assertThat(slug).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(OneOff.name("demo", "web", slug)).isEqualTo("demo-web-run-" + slug.substring(0, 12));
        assertThat(OneOff.slug(new SplittableRandom(8))).isNotEqualTo(slug);
    }

    @Test
    void labelsMarkTheContainerAsAOneOff() {
        Map<String, String> labels = OneOff.labels(Map.of("com.docker.compose.oneoff", "False",
                "com.docker.compose.service", "web"), "ab".repeat(32));
        assertThat(labels).containsEntry("com.docker.compose.oneoff", "True")
                .containsEntry("com.docker.compose.slug", "ab".repeat(32))
                .containsEntry("com.docker.compose.service", "web");
    }

    @Test
    void byDefaultTheOneOffPublishesNothingAndIsNeverRestarted() {
        Service s = OneOff.apply(project, project.service("web"), run("run", "web"), "demo-web-run-x", Map.of());
        assertThat(s.ports()).isEmpty();
        assertThat(s.effectiveRestart().wire()).isEqualTo("no");
        assertThat(s.command()).containsExactly("httpd", "-f");
        assertThat(s.containerName()).isEqualTo("demo-web-run-x");
    }

    @Test
    void overridesOfTheCommandLineApply() {
        Service s = OneOff.apply(project, project.service("web"), run("run", "-P", "-p", "127.0.0.1:9000:9000/udp",
                "-e", "A=cli", "-e", "FROM_ENV", "-e", "ABSENT", "-u", "1000", "-w", "/w", "--entrypoint", "sh -c",
                "-l", "k=v", "-v", "./conf:/conf:ro", "-v", "data:/data", "-v", "/scratch", "web", "echo hi"),
                "n", Map.of("FROM_ENV", "yes"));
        assertThat(s.ports()).hasSize(2);
        assertThat(s.ports().get(1)).isEqualTo(new PortConfig(null, null, "127.0.0.1", 9000, "9000",
                PortConfig.Protocol.UDP, null));
        assertThat(s.environment()).containsEntry("A", "cli").containsEntry("B", "kept").containsEntry("FROM_ENV", "yes")
                .doesNotContainKey("ABSENT");
        assertThat(s.user()).isEqualTo("1000");
        assertThat(s.workingDir()).isEqualTo("/w");
        assertThat(s.entrypoint()).containsExactly("sh", "-c");
        assertThat(s.command()).containsExactly("echo hi");
        assertThat(s.labels()).containsEntry("k", "v");
        assertThat(s.volumes()).extracting(ServiceVolume::type, ServiceVolume::source, ServiceVolume::target,
                ServiceVolume::readOnly).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ServiceVolume.Type.VOLUME, "data", "/var/data", false),
                org.assertj.core.groups.Tuple.tuple(ServiceVolume.Type.BIND, dir.resolve("conf").toString(), "/conf", true),
                org.assertj.core.groups.Tuple.tuple(ServiceVolume.Type.VOLUME, "data", "/data", false),
                org.assertj.core.groups.Tuple.tuple(ServiceVolume.Type.VOLUME, null, "/scratch", false));
    }

    @Test
    void theTranslatedRequestLosesTheAliasesUnlessAskedAndHasNoRestartPolicy() {
        Service s = OneOff.apply(project, project.service("web"), run("run", "web"), "demo-web-run-x", Map.of());
        CreateContainerRequest translated = SpecTranslator.translate(project, s, 1, Map.of()).request();
        assertThat(translated.spec().networks().getFirst().aliases()).contains("web", "www");

        CreateContainerRequest plain = OneOff.finish(translated, "demo-web-run-x", false);
        assertThat(plain.name()).isEqualTo("demo-web-run-x");
        assertThat(plain.spec().networks()).extracting(NetworkAttachmentBody::network).containsExactly("demo_front");
        assertThat(plain.spec().networks().getFirst().aliases()).isEmpty();
        assertThat(plain.spec().restart()).isEqualTo("no");
        assertThat(plain.spec().image()).isEqualTo("busybox");

        ContainerSpecBody aliased = OneOff.finish(translated, "demo-web-run-x", true).spec();
        assertThat(aliased.networks().getFirst().aliases()).contains("web", "www");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "80            |           |      | 80 | tcp",
            "8080:80       |           | 8080 | 80 | tcp",
            ":80           |           |      | 80 | tcp",
            "0.0.0.0:53:53/udp | 0.0.0.0 | 53 | 53 | udp",
            "127.0.0.1::80 | 127.0.0.1 |      | 80 | tcp"})
    void publishedPorts(String spec, String hostIp, String published, int target, String protocol) {
        PortConfig p = OneOff.port(spec);
        assertThat(p.hostIp()).isEqualTo(hostIp);
        assertThat(p.published()).isEqualTo(published);
        assertThat(p.target()).isEqualTo(target);
        assertThat(p.protocol().wire()).isEqualTo(protocol);
    }

    @ParameterizedTest
    @CsvSource({"http", "80/sctp", "1:2:3:4", "0", "70000", "x:80"})
    void badPortsAreRefusedWithAnExample(String spec) {
        assertThatThrownBy(() -> OneOff.port(spec)).isInstanceOf(CommandFailure.class).hasMessageContaining("-p 8080:80");
    }

    @ParameterizedTest
    @CsvSource({"relative", "a:relative", "/a:/b:rx", "undeclared:/x"})
    void badVolumesAreRefused(String spec) {
        assertThatThrownBy(() -> OneOff.volume(project, spec)).isInstanceOf(CommandFailure.class)
                .hasMessageContaining("-v " + spec);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> shellLines() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("sh -c", List.of("sh", "-c")),
                org.junit.jupiter.params.provider.Arguments.of("  a   b ", List.of("a", "b")),
                org.junit.jupiter.params.provider.Arguments.of("\"a b\" c", List.of("a b", "c")),
                org.junit.jupiter.params.provider.Arguments.of("'a \"b\"' c\\ d", List.of("a \"b\"", "c d")),
                org.junit.jupiter.params.provider.Arguments.of("x\"\\\"\"y", List.of("x\"y")));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("shellLines")
    void entrypointsSplitLikeAShell(String line, List<String> expected) {
        assertThat(OneOff.words(line)).isEqualTo(expected);
    }
}
