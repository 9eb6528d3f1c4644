package io.jcompose.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.client.AgentControl;
import io.jcompose.agent.client.AgentReadiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test class's jcompose host: the real {@code ./jcompose} launcher against an agent of the class's
 * own, which the first command starts in the background. The agent's directories, cgroup parent, interface
 * prefix, nftables table, address pool and resolver file are the run's ({@code jt} + 6 hex), so it never
 * meets a production agent's containers or networks, and DNS queries of its containers never leave the
 * machine (the resolver file's only server is the loopback).
 *
 * <p>Before the tests: the example images are built with {@code examples/images/build.sh} into the run's
 * directory and loaded with {@code jcompose image load}. After them: {@code down -v} of every project a test
 * used, the agent stopped by its pid, then the host is checked — no link, namespace, mount, nftables rule,
 * cgroup or process of the run may remain — and cleaned whether or not the check passed.
 */
final class JcomposeHost implements BeforeAllCallback, AfterAllCallback {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = REPO.resolve("jcompose");
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(120);

    private final List<String> images;
    private final Function<Path, List<Path>> archives;
    private final Set<String> projects = new LinkedHashSet<>();
    private Footprint footprint;
    private Map<String, String> env;
    private long agentPid;

    /** A host with these example images (names of examples/images/*.conf) loaded. */
    JcomposeHost(String... images) {
        this(List.of(images), root -> List.of());
    }

    /**
     * A host with these example images and the image archives {@code archives} makes (given the run's directory)
     * loaded; with no example images, examples/images/build.sh is not run.
     */
    JcomposeHost(List<String> images, Function<Path, List<Path>> archives) {
        this.images = List.copyOf(images);
        this.archives = archives;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "end-to-end tests run the agent, which needs root");
        String prefix = "jt" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        Path root = Files.createDirectories(Path.of("/tmp", prefix));
        footprint = new Footprint(prefix, root, root.resolve("run"));
        Path resolv = Files.writeString(root.resolve("resolv.conf"), "nameserver 127.0.0.1\n");
        int octet = 200 + Integer.parseInt(prefix.substring(2), 16) % 50;
        env = Map.of("JCOMPOSE_RUNTIME_DIR", footprint.runtimeDir().toString(),
                "JCOMPOSE_DATA_ROOT", root.resolve("data").toString(),
                "JCOMPOSE_CGROUP_PARENT", "/" + prefix,
                "JCOMPOSE_NETWORK_PREFIX", prefix,
                "JCOMPOSE_ADDRESS_POOLS", "10." + octet + ".0.0/16:24",
                "JCOMPOSE_RESOLV_CONF", resolv.toString());

        Path out = root.resolve("images");
        List<Path> toLoad = new ArrayList<>();
        if (!images.isEmpty()) {
            List<String> build = new ArrayList<>(List.of(REPO.resolve("examples/images/build.sh").toString(), "--out", out.toString()));
            build.addAll(images);
            Commands.Result built = Commands.run(build, null, Map.of(), COMMAND_LIMIT);
            assertThat(built.exit()).as(built.describe()).isZero();
            images.forEach(image -> toLoad.add(out.resolve(image + ".oci.tar")));
        }
        toLoad.addAll(archives.apply(root));
        for (Path archive : toLoad) {
            Commands.Result loaded = jcompose(root, Map.of(), "image", "load", "-i", archive.toString());
            assertThat(loaded.exit()).as(loaded.describe()).isZero();
        }
        agentPid = AgentControl.status(footprint.runtimeDir()).orElseThrow().pid();
    }

    /** {@code ./jcompose ARGS…} in {@code dir} with the run's environment plus {@code extraEnv}. */
    Commands.Result jcompose(Path dir, Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extraEnv);
        return Commands.run(command, dir, all, COMMAND_LIMIT);
    }

    /**
     * {@code ./jcompose ARGS…} left running (for {@code logs -f}): its stdout and stderr go to {@code output},
     * which the test reads while it runs. The caller ends it or waits for it, with a bound.
     */
    Process start(Path dir, Path output, String... args) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ./jcompose ARGS…} that must succeed; returns its result. */
    Commands.Result ok(Path dir, Map<String, String> extraEnv, String... args) {
        Commands.Result r = jcompose(dir, extraEnv, args);
        assertThat(r.exit()).as(r.describe()).isZero();
        return r;
    }

    /**
     * A copy of {@code examples/<name>} (compose file, .env, README, and the files of its subdirectories but
     * {@code cache}) in the run's directory, registered so that teardown brings its project down with its
     * volumes: tests may add files next to it.
     */
    Path example(String name, String project) {
        Path copy = footprint.root().resolve("projects").resolve(name);
        Path source = REPO.resolve("examples").resolve(name);
        try {
            Files.createDirectories(copy);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.filter(f -> !source.relativize(f).startsWith("cache")).toList()) {
                    Path target = copy.resolve(source.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else if (Files.isRegularFile(f)) {
                        Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        projects.add(project);
        return copy;
    }

    /** A directory of the run holding {@code compose.yaml} with {@code text}, for project {@code project}. */
    Path composeFile(String project, String text) {
        Path dir = footprint.root().resolve("projects").resolve(project);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("compose.yaml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        projects.add(project);
        return dir;
    }

    /** Marks {@code project} for {@code down -v} at teardown (it may be created by a failing command). */
    void uses(String project) {
        projects.add(project);
    }

    /** The class's agent, for what the CLI does not show (event times, probe logs). */
    AgentClient agent() {
        return new AgentClient(footprint.runtimeDir().resolve(AgentReadiness.SOCKET_FILE));
    }

    Footprint footprint() {
        return footprint;
    }

    /** A TCP port free on 127.0.0.1 right now. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (footprint == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        try {
            for (String project : projects) {
                Commands.Result down = jcompose(footprint.root(), Map.of(), "-p", project, "down", "-v", "-t", "2");
                if (down.exit() != 0) {
                    problems.add("down -v of " + project + " failed: " + down.describe());
                }
            }
            // Stopped by the pid it answers with; an agent that started but never got as far as answering is
            // found by its command line and killed by removeAll().
            if (!AgentControl.stop(footprint.runtimeDir(), Duration.ofSeconds(30)) && agentPid > 0) {
                problems.add("the agent (pid " + agentPid + ") was gone before teardown");
            }
            problems.addAll(footprint.leftovers());
        } finally {
            footprint.removeAll();
        }
        footprint.remains().forEach(r -> problems.add("could not remove " + r));
        assertThat(problems).as("what the run left on the host after down -v and stopping its agent").isEmpty();
    }
}
