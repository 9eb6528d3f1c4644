package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.client.AgentControl;
import io.jcompose.image.auth.CredentialSource;
import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.fixture.BusyboxImages;
import io.jcompose.image.fixture.ImageBuilder.Built;
import io.jcompose.image.fixture.RegistryServer;
import io.jcompose.image.push.ImagePusher;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.registry.RegistryOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code image pull}, {@code pull} and {@code images} through the real launcher against Debian's docker-registry on
 * 127.0.0.1 (plain HTTP, as the agent uses for loopback registries) and an agent of the test's own, started on
 * demand in this test's directories and cgroup. Root only.
 */
class PullCommandIT {
    private static final Path LAUNCHER = Path.of("..", "jcompose").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private RegistryServer registry;
    private Path runtime;
    private String cgroup;
    private Map<String, String> env;
    private Path project;

    @AfterEach
    void takeEverythingDown() throws Exception {
        try {
            if (project != null && AgentControl.status(runtime).isPresent()) {
                run("down", "--remove-orphans", "-t", "1");
            }
        } finally {
            try {
                if (runtime != null) AgentControl.stop(runtime, Duration.ofSeconds(30));
                removeCgroups();
                unmountNamespaceDirectory();
            } finally {
                if (registry != null) registry.close();
            }
        }
    }

    @Test
    void pullsFromARegistryAndListsTheProjectsImages() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the agent runs as root only");
        assumeTrue(RegistryServer.available(), "install docker-registry");
        String name = "jt" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        runtime = tmp.resolve("run");
        cgroup = "/" + name;
        env = Map.of("JCOMPOSE_RUNTIME_DIR", runtime.toString(), "JCOMPOSE_DATA_ROOT", tmp.resolve("data").toString(),
                "JCOMPOSE_CGROUP_PARENT", cgroup, "COMPOSE_PROJECT_NAME", name);
        registry = RegistryServer.anonymous();
        String host = registry.host();
        String busy1 = host + "/jt/busy:1";
        String busy2 = host + "/jt/busy:2";
        String nope = host + "/jt/nope:1";
        ContentStore source = new ContentStore(Files.createDirectories(tmp.resolve("source")));
        Built one = push(source, busy1, "1");
        push(source, busy2, "2");

        // image pull: progress on stderr, then the digest; image ls knows the image by its manifest digest.
        Result pull = run("image", "pull", busy1);
        assertThat(pull.exit).as(pull.output).isZero();
        assertThat(pull.output).contains(busy1 + " Pulling", busy1 + " Pulled",
                "Digest: " + host + "/jt/busy@" + one.digest(), "\n" + busy1 + "\n");
        Result ls = run("image", "ls", "--format", "json");
        assertThat(ls.exit).as(ls.output).isZero();
        assertThat(ls.output).contains("\"Repository\":\"" + host + "/jt/busy\"", "\"Tag\":\"1\"",
                "\"Digest\":\"" + one.digest() + "\"");
        Result quiet = run("image", "pull", "-q", busy1);
        assertThat(quiet.exit).as(quiet.output).isZero();
        assertThat(quiet.output).isEqualTo(busy1 + "\n");

        project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("compose.yaml"), """
                services:
                  a:
                    image: %s
                  b:
                    image: %s
                  c:
                    image: %s
                  ghost:
                    image: %s
                """.formatted(busy1, busy1, busy2, nope));

        // a and b share an image: it is pulled once, busy:2 once more.
        Result all = run("pull", "a", "b", "c");
        assertThat(all.exit).as(all.output).isZero();
        assertThat(lines(all.output, " Pulling")).as(all.output).hasSize(2).contains("c Pulling")
                .containsAnyOf("a Pulling", "b Pulling");
        assertThat(lines(all.output, " Pulled")).as(all.output).hasSize(2);

        Result silent = run("pull", "--quiet", "a", "b", "c");
        assertThat(silent.exit).as(silent.output).isZero();
        assertThat(silent.output).isEmpty();

        Result missing = run("pull", "ghost");
        assertThat(missing.exit).as(missing.output).isEqualTo(1);
        assertThat(missing.output).contains("image " + nope + " not found", "(MANIFEST_UNKNOWN: manifest unknown)")
                .contains("failed to pull the image of ghost");

        // With busy:2 gone, --ignore-pull-failures must still fetch it while ghost fails.
        assertThat(run("image", "rm", busy2).exit).isZero();
        Result ignoring = run("pull", "--ignore-pull-failures");
        assertThat(ignoring.exit).as(ignoring.output).isZero();
        assertThat(ignoring.output).contains("image " + nope + " not found", "warning: the image of ghost was not pulled");
        assertThat(run("image", "ls", "--format", "json").output).contains("\"Tag\":\"2\"");

        // --policy missing must not ask the registry at all: it succeeds with the registry stopped, where an
        // ordinary pull now fails.
        registry.close();
        registry = null;
        Result present = run("pull", "--policy", "missing", "a", "b", "c");
        assertThat(present.exit).as(present.output).isZero();
        assertThat(present.output).contains("a Skipped - Image is already present locally",
                "c Skipped - Image is already present locally").doesNotContain("Pulling", "Pulled");
        assertThat(run("pull", "c").exit).isEqualTo(1);

        // images lists the images of the project's containers: none before create.
        Result before = run("images", "--format", "json");
        assertThat(before.exit).as(before.output).isZero();
        assertThat(before.output.strip()).isEqualTo("[]");
        Result create = run("create", "a", "c");
        assertThat(create.exit).as(create.output).isZero();
        Result images = run("images", "--format", "json");
        assertThat(images.exit).as(images.output).isZero();
        assertThat(images.output).contains("\"ContainerName\":\"" + name + "-a-1\"", "\"ContainerName\":\"" + name + "-c-1\"",
                "\"Repository\":\"" + host + "/jt/busy\"", "\"ID\":\"" + one.config() + "\"");
        Result ids = run("images", "-q", "a");
        assertThat(ids.exit).as(ids.output).isZero();
        assertThat(ids.output).isEqualTo(one.config().encoded().substring(0, 12) + "\n");
    }

    private static Built push(ContentStore source, String ref, String version) {
        Built image = BusyboxImages.app(source, version);
        new ImagePusher(new RegistryClient(RegistryOptions.defaults(), CredentialSource.NONE), source)
                .push(ImageReference.parse(ref), image.digest(), image.mediaType());
        return image;
    }

    private static List<String> lines(String output, String suffix) {
        return output.lines().filter(l -> l.endsWith(suffix)).toList();
    }

    private void removeCgroups() throws IOException {
        if (cgroup == null) return;
        try (var controllers = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path controller : controllers.toList()) {
                Path dir = controller.resolve(cgroup.substring(1));
                if (!Files.isDirectory(dir)) continue;
                try (var tree = Files.walk(dir)) {
                    for (Path d : tree.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(d);
                    }
                }
            }
        }
    }

    /** The agent bind-mounts its netns directory onto itself (as ip-netns does) and leaves it for the next start. */
    private void unmountNamespaceDirectory() throws IOException, InterruptedException {
        if (runtime == null) return;
        String netns = runtime.resolve("netns").toString();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] fields = line.split(" ");
            if (fields.length > 4 && fields[4].equals(netns)) {
                Process p = new ProcessBuilder("umount", netns).inheritIO().start();
                assertThat(p.waitFor()).isZero();
                return;
            }
        }
    }

    private record Result(int exit, String output) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (project != null) pb.directory(project.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
