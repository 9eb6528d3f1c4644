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
 * 127.0.0.1 (plain HTTP, as the agent uses for loopback registries) and an agent of the test's own: its directories,
 * cgroup, interface prefix, nftables table and address pool. Root only.
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
    private String prefix;
    private Process agent;

    @AfterEach
    void takeEverythingDown() throws Exception {
        try {
            if (project != null && AgentControl.status(runtime).isPresent()) {
                run("down", "--remove-orphans", "-t", "1");
            }
        } finally {
            try {
                if (runtime != null) AgentControl.stop(runtime, Duration.ofSeconds(30));
                if (agent != null && agent.isAlive()) { // it never became ready
                    agent.destroy();
                    agent.waitFor(30, TimeUnit.SECONDS);
                }
                removeCgroups();
                unmountNamespaceDirectory();
                removeNetworkLeftovers();
            } finally {
                if (registry != null) registry.close();
            }
        }
    }

    @Test
    void pullsFromARegistryAndListsTheProjectsImages() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the agent runs as root only");
        String name = "jt" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        runtime = tmp.resolve("run");
        cgroup = "/" + name;
        env = Map.of("JCOMPOSE_RUNTIME_DIR", runtime.toString(), "JCOMPOSE_DATA_ROOT", tmp.resolve("data").toString(),
                "JCOMPOSE_CGROUP_PARENT", cgroup, "COMPOSE_PROJECT_NAME", name);
        prefix = name;
        startAgent(name);
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
        assertThat(ignoring.output)
                .contains("image " + nope + " not found", "warning: the image of ghost was not pulled");
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
        assertThat(images.output).contains("\"ContainerName\":\"" + name + "-a-1\"",
                "\"ContainerName\":\"" + name + "-c-1\"",
                "\"Repository\":\"" + host + "/jt/busy\"", "\"ID\":\"" + one.config() + "\"");
        Result ids = run("images", "-q", "a");
        assertThat(ids.exit).as(ids.output).isZero();
        assertThat(ids.output).isEqualTo(one.config().encoded().substring(0, 12) + "\n");
    }

    /**
     * The agent of this test, detached as the CLI would start it, with networks of its own: an agent on the default
     * interface prefix, nftables table and address pool would take the host agent's interfaces for its own
     * leftovers. (ImageCommandIT covers the CLI's on-demand start.)
     */
    private void startAgent(String name) throws IOException, InterruptedException {
        Files.createDirectories(runtime);
        Path resolvConf = Files.writeString(tmp.resolve("resolv.conf"), "nameserver 127.0.0.1\n");
        // AgentMain itself, from the launcher's jar.
        List<String> command = List.of("setsid", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", LAUNCHER.resolveSibling("cli/target/jcompose.jar").toString(),
                "io.jcompose.agent.daemon.AgentMain", "--runtime-dir", runtime.toString(),
                "--data-root", env.get("JCOMPOSE_DATA_ROOT"), "--cgroup-parent", cgroup, "--network-prefix", name,
                "--address-pools", freePool() + ":24", "--resolv-conf", resolvConf.toString());
        agent = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(runtime.resolve("agent.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        for (int i = 0; i < 900 && AgentControl.status(runtime).isEmpty(); i++) {
            assertThat(agent.isAlive()).as(() -> "the agent exited: " + log()).isTrue();
            Thread.sleep(100);
        }
        assertThat(AgentControl.status(runtime)).as(this::log).isPresent();
    }

    private String log() {
        try {
            return Files.readString(runtime.resolve("agent.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** A 10.x.0.0/16 no route of this host touches. */
    private static String freePool() throws IOException, InterruptedException {
        Process ip = new ProcessBuilder("ip", "-4", "route", "show", "table", "all").redirectErrorStream(true).start();
        String routes = new String(ip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ip.waitFor();
        for (int i = 0; i < 100; i++) {
            String prefix = "10." + ThreadLocalRandom.current().nextInt(160, 200) + ".";
            if (!routes.contains(prefix)) return prefix + "0.0/16";
        }
        throw new IllegalStateException("no free 10.x.0.0/16 among the host's routes:\n" + routes);
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

    /** The agent keeps its nftables table when it stops; bridges `down` missed are named with the prefix. */
    private void removeNetworkLeftovers() throws IOException, InterruptedException {
        if (prefix == null) return;
        Process links = new ProcessBuilder("ip", "-o", "link", "show").redirectErrorStream(true).start();
        for (String line : new String(links.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
            String link = line.split(": ")[1].split("@")[0];
            if (link.startsWith(prefix)) quietly("ip", "link", "delete", link);
        }
        links.waitFor();
        quietly("nft", "delete", "table", "inet", prefix);
    }

    private static void quietly(String... command) throws IOException, InterruptedException {
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor();
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
