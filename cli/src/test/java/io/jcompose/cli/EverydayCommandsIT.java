package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.client.AgentClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * run, exec, logs, logs -f and port through the real launcher, against an agent of the test's own (started on
 * demand in this test's directories and cgroup) and a busybox image built by examples/images/build.sh. Root only.
 */
class EverydayCommandsIT extends LauncherStack {




    @Test
    void runExecLogsAndPortOnARealStack() throws Exception {
        startStack("""
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
        String name = agent.name();
        Result up = run("up", "-d");
        assertThat(up.exit()).as(up.output()).isZero();

        Result hi = run("run", "--rm", "app", "echo", "hi");
        assertThat(hi.exit()).as(hi.output()).isZero();
        assertThat(hi.output()).contains("hi\n");

        Result three = run("run", "--rm", "app", "sh", "-c", "echo bye >&2; exit 3");
        assertThat(three.exit()).as(three.output()).isEqualTo(3);
        assertThat(three.output()).contains("bye");
        AgentClient agent = new AgentClient(runtime.resolve("jcompose.sock"));
        assertThat(agent.list(List.of("com.docker.compose.project=" + name, "com.docker.compose.oneoff=True")))
                .as("one-off containers left behind").isEmpty();

        Result exec = run("exec", "app", "sh", "-c", "echo out; echo err >&2; exit 4");
        assertThat(exec.exit()).as(exec.output()).isEqualTo(4);
        assertThat(exec.output()).contains("out\n", "err\n");

        Result logs = run("logs", "--no-color", "app");
        assertThat(logs.exit()).as(logs.output()).isZero();
        assertThat(logs.output()).contains("app-1  | started\n", "app-1  | second\n");

        Result tail = run("logs", "--no-log-prefix", "--tail", "1", "app");
        assertThat(tail.output().strip()).isEqualTo("second");

        // once prints "two" two seconds after it starts and then exits: -f must end by itself, with every line.
        Result follow = run("logs", "-f", "--no-color", "once");
        assertThat(follow.exit()).as(follow.output()).isZero();
        assertThat(follow.output()).contains("once-1  | one\n", "once-1  | two\n");

        Result port = run("port", "app", "8080");
        assertThat(port.exit()).as(port.output()).isZero();
        assertThat(port.output().strip()).matches("127\\.0\\.0\\.1:[0-9]+");

        Result down = run("down", "-t", "1");
        assertThat(down.exit()).as(down.output()).isZero();
        assertThat(agent.list(List.of("com.docker.compose.project=" + name))).isEmpty();
    }



}
