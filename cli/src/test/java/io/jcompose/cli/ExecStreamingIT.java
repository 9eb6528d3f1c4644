package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.client.AgentControl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exec} through the real launcher: output shown while the command runs, standard input piped in, exit
 * codes, and a TTY when (and only when) the launcher's standard input is a terminal (given by {@code script}).
 * Root only, against an agent of the test's own.
 */
class ExecStreamingIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("jcompose");

    @TempDir
    Path tmp;

    private IsolatedAgent agent;
    private Path runtime;
    private Map<String, String> env;
    private Path project;

    @AfterEach
    void takeEverythingDown() throws Exception {
        try {
            if (env != null && project != null && AgentControl.status(runtime).isPresent()) {
                run(null, "down", "-t", "1");
            }
        } finally {
            if (runtime != null) AgentControl.stop(runtime, Duration.ofSeconds(30));
            if (agent != null) agent.remove();
        }
    }

    @Test
    void execStreamsOutputPipesInputAndAllocatesATtyOnATerminal() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the agent runs as root only");
        agent = IsolatedAgent.in(tmp);
        runtime = agent.runtime();
        env = new java.util.HashMap<>(agent.env());
        env.put("COMPOSE_PROJECT_NAME", agent.name());
        project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("compose.yaml"), """
                services:
                  app:
                    image: jcompose.local/busybox:1
                    command: [sh, -c, "exec sleep 600"]
                    stop_grace_period: 1s
                """);
        Path images = tmp.resolve("images");
        Process build = new ProcessBuilder(ROOT.resolve("examples/images/build.sh").toString(), "--out",
                images.toString(), "busybox").inheritIO().start();
        assertThat(build.waitFor()).isZero();
        assertThat(run(null, "image", "load", "-i", images.resolve("busybox.oci.tar").toString()).exit).isZero();
        Result up = run(null, "up", "-d");
        assertThat(up.exit).as(up.output).isZero();

        // echo hi | jcompose exec -T app cat
        Result cat = run("hi\n", "exec", "-T", "app", "cat");
        assertThat(cat.exit).as(cat.output).isZero();
        assertThat(cat.output).isEqualTo("hi\n");

        // The first line must be on screen while the command still waits for input that only comes after it.
        Process live = start("exec", "-T", "app", "sh", "-c", "echo a; read x; echo b:$x; exit 6");
        InputStream out = live.getInputStream();
        assertThat(readLine(out)).isEqualTo("a");
        try (OutputStream in = live.getOutputStream()) {
            in.write("go\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(readLine(out)).isEqualTo("b:go");
        assertThat(live.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(live.exitValue()).isEqualTo(6);

        // Standard input a pipe: no TTY, whatever -T says.
        assertThat(run("", "exec", "app", "sh", "-c", "test -t 0").exit).isEqualTo(1);

        // Under script(1) the launcher's standard input is a terminal: a TTY by default, none with -T.
        Result tty = script("exec app sh -c 'test -t 0 && test -t 1 && echo has-a-tty; exit 3'");
        assertThat(tty.output).contains("has-a-tty");
        assertThat(tty.exit).as(tty.output).isEqualTo(3);
        Result noTty = script("exec -T app sh -c 'test -t 0 || echo no-tty'");
        assertThat(noTty.output).contains("no-tty");
        assertThat(noTty.exit).as(noTty.output).isZero();

        // -d returns once the command has started; it goes on in the container.
        Result detached = run(null, "exec", "-d", "app", "sh", "-c", "sleep 1; touch /tmp/done; exec sleep 600");
        assertThat(detached.exit).as(detached.output).isZero();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Result done;
        do {
            done = run(null, "exec", "-T", "app", "test", "-f", "/tmp/done");
        } while (done.exit != 0 && System.nanoTime() < deadline);
        assertThat(done.exit).isZero();
    }

    private record Result(int exit, String output) {
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        return pb.start();
    }

    /** The launcher with {@code input} on its standard input (null: none), stdout and stderr together. */
    private Result run(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        if (input == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        if (input != null) {
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("jcompose " + String.join(" ", args)).isTrue();
        return new Result(p.exitValue(), output);
    }

    /** {@code jcompose ARGS} on a pseudo-terminal made by script(1); its exit code is the command's. */
    private Result script(String args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("script", "-q", "-e", "-c", LAUNCHER + " " + args, "/dev/null")
                .directory(project.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("script " + args).isTrue();
        return new Result(p.exitValue(), output);
    }
}
