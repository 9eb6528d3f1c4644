package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.client.AgentControl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run, exec, logs, logs -f and port through the real launcher, against an agent of the test's own (started on
 * demand in this test's directories and cgroup) and a busybox image built by examples/images/build.sh. Root only.
 */
class EverydayCommandsIT {
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
                run("down", "--remove-orphans", "-t", "1");
            }
        } finally {
            if (runtime != null) AgentControl.stop(runtime, Duration.ofSeconds(30));
            if (agent != null) agent.remove();
        }
    }

    @Test
    void runExecLogsAndPortOnARealStack() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the agent runs as root only");
        agent = IsolatedAgent.in(tmp);
        String name = agent.name();
        runtime = agent.runtime();
        env = new java.util.HashMap<>(agent.env());
        env.put("COMPOSE_PROJECT_NAME", name);
        project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("compose.yaml"), """
                services:
                  app:
                    image: jcompose.local/busybox:1
                    command: [sh, -c, "echo started; echo second; exec sleep 600"]
                    stop_grace_period: 1s
                    ports: ["127.0.0.1::8080"]
                  once:
                    image: jcompose.local/busybox:1
                    command: [sh, -c, "echo one; sleep 2; echo two"]
                """);
        Path images = tmp.resolve("images");
        exec(List.of(ROOT.resolve("examples/images/build.sh").toString(), "--out", images.toString(), "busybox"));

        Result load = run("image", "load", "-i", images.resolve("busybox.oci.tar").toString());
        assertThat(load.exit).as(load.output).isZero();
        Result up = run("up", "-d");
        assertThat(up.exit).as(up.output).isZero();

        Result hi = run("run", "--rm", "app", "echo", "hi");
        assertThat(hi.exit).as(hi.output).isZero();
        assertThat(hi.output).contains("hi\n");

        Result three = run("run", "--rm", "app", "sh", "-c", "echo bye >&2; exit 3");
        assertThat(three.exit).as(three.output).isEqualTo(3);
        assertThat(three.output).contains("bye");
        AgentClient agent = new AgentClient(runtime.resolve("jcompose.sock"));
        assertThat(agent.list(List.of("com.docker.compose.project=" + name, "com.docker.compose.oneoff=True")))
                .as("one-off containers left behind").isEmpty();

        Result exec = run("exec", "app", "sh", "-c", "echo out; echo err >&2; exit 4");
        assertThat(exec.exit).as(exec.output).isEqualTo(4);
        assertThat(exec.output).contains("out\n", "err\n");

        Result logs = run("logs", "--no-color", "app");
        assertThat(logs.exit).as(logs.output).isZero();
        assertThat(logs.output).contains("app-1  | started\n", "app-1  | second\n");

        Result tail = run("logs", "--no-log-prefix", "--tail", "1", "app");
        assertThat(tail.output.strip()).isEqualTo("second");

        // once prints "two" two seconds after it starts and then exits: -f must end by itself, with every line.
        Result follow = run("logs", "-f", "--no-color", "once");
        assertThat(follow.exit).as(follow.output).isZero();
        assertThat(follow.output).contains("once-1  | one\n", "once-1  | two\n");

        Result port = run("port", "app", "8080");
        assertThat(port.exit).as(port.output).isZero();
        assertThat(port.output.strip()).matches("127\\.0\\.0\\.1:[0-9]+");

        Result down = run("down", "-t", "1");
        assertThat(down.exit).as(down.output).isZero();
        assertThat(agent.list(List.of("com.docker.compose.project=" + name))).isEmpty();
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    }

    private record Result(int exit, String output) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("jcompose " + String.join(" ", args)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
