package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.client.AgentControl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the root-tier tests that drive the real {@code ./jcompose} launcher share: an {@link IsolatedAgent}, a
 * project directory with the test's compose file and the busybox example image loaded, the launcher run with
 * or without standard input or under {@code script(1)} (a terminal), and a teardown that brings the project
 * down, stops the agent and removes what it keeps. Abstract: each subclass is one test class.
 */
abstract class LauncherStack {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path LAUNCHER = ROOT.resolve("jcompose");

    @TempDir
    Path tmp;

    IsolatedAgent agent;
    Path runtime;
    Map<String, String> env;
    Path project;

    /** One launcher run: its exit code, its output (stdout and stderr) and, for {@link #runBytes}, stdout's bytes. */
    record Result(int exit, String output, byte[] bytes) {
    }

    /** The arguments of the {@code down} that ends every test (subclasses add profiles or orphans). */
    List<String> downArgs() {
        return List.of("down", "--remove-orphans", "-t", "1");
    }

    @AfterEach
    void takeEverythingDown() throws Exception {
        try {
            if (env != null && project != null && AgentControl.status(runtime).isPresent()) {
                run(downArgs().toArray(String[]::new));
            }
        } finally {
            if (runtime != null) AgentControl.stop(runtime, Duration.ofSeconds(30));
            if (agent != null) agent.remove();
        }
    }

    /** Root only: the test's agent, its project with {@code compose}, and the busybox image built and loaded. */
    void startStack(String compose) throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "the agent runs as root only");
        agent = IsolatedAgent.in(tmp);
        runtime = agent.runtime();
        env = new HashMap<>(agent.env());
        env.put("COMPOSE_PROJECT_NAME", agent.name());
        project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("compose.yaml"), compose);
        Path images = tmp.resolve("images");
        Process build = new ProcessBuilder(ROOT.resolve("examples/images/build.sh").toString(), "--out",
                images.toString(), "busybox").inheritIO().start();
        assertThat(build.waitFor()).isZero();
        Result load = run("image", "load", "-i", images.resolve("busybox.oci.tar").toString());
        assertThat(load.exit()).as(load.output()).isZero();
    }

    /** The launcher with nothing on its standard input; stdout and stderr interleaved as written. */
    Result run(String... args) throws IOException, InterruptedException {
        return runWithInput(null, args);
    }

    /** The launcher with {@code input} on its standard input (null: /dev/null); stdout and stderr interleaved. */
    Result runWithInput(String input, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = launcher(args).redirectErrorStream(true);
        if (input == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p = pb.start();
        if (input != null) {
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("jcompose " + String.join(" ", args)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), out);
    }

    /**
     * The launcher with {@code stdin} (null: none, the pipe closed at once); stdout kept apart as bytes (a tar
     * stream, say), the output being stdout then stderr.
     */
    Result runBytes(byte[] stdin, String... args) throws IOException, InterruptedException {
        Process p = launcher(args).start();
        if (stdin != null) p.getOutputStream().write(stdin);
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (IOException ignored) {
                // the process is gone
            }
        });
        byte[] bytes = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("jcompose " + String.join(" ", args)).isTrue();
        drain.join();
        return new Result(p.exitValue(), new String(bytes, StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8),
                bytes);
    }

    /** The launcher left running, its stderr on the test's; the caller reads, writes and waits. */
    Process start(String... args) throws IOException {
        return launcher(args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The launcher under {@code script(1)}, so its standard input is a terminal; {@code typed} is what is typed. */
    Result script(String args, String typed) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("script", "-q", "-e", "-c", LAUNCHER + " " + args, "/dev/null")
                .directory(project.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            if (typed != null) {
                in.write(typed.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("script " + args).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), out);
    }

    Result script(String args) throws IOException, InterruptedException {
        return script(args, null);
    }

    private ProcessBuilder launcher(String... args) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile());
        pb.environment().putAll(env);
        return pb;
    }
}
