package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code run} attached and {@code attach} through the real launcher: piped input reaching the one-off and its end
 * ending it, exit codes, a TTY when (and only when) the launcher's input is a terminal (script(1)), input through
 * that terminal, no one-off left with {@code --rm}; {@code attach} to a service's container with input, and
 * detaching with Ctrl-P Ctrl-Q. Root only, against an agent of the test's own.
 */
class RunAttachIT extends LauncherStack {




    @Test
    void runAndAttachCarryInputOutputTerminalsAndExitCodes() throws Exception {
        startStack("""
                services:
                  app:
                    image: jcompose.local/busybox:1
                    command: [sh, -c, "exec sleep 600"]
                    stop_grace_period: 1s
                  reader:
                    image: jcompose.local/busybox:1
                    stdin_open: true
                    command: [sh, -c, "while read l; do echo got:$$l; [ $$l = quit ] && exit 4; done; exec sleep 600"]
                    stop_grace_period: 1s
                  ticker:
                    image: jcompose.local/busybox:1
                    tty: true
                    stdin_open: true
                    command: [sh, -c, "while true; do echo tick; sleep 0.2; done"]
                    stop_grace_period: 1s
                """);

        Result up = run("up", "-d");
        assertThat(up.exit()).as(up.output()).isZero();

        // echo hi | jcompose run --rm -T app cat: the input reaches the one-off and its end ends it.
        Result cat = runWithInput("hi\n", "run", "--rm", "-T", "app", "cat");
        assertThat(cat.exit()).as(cat.output()).isZero();
        assertThat(cat.output()).isEqualTo("hi\n");
        // The exit code is the one-off's; what it writes at once is not lost (attached before it starts).
        Result seven = run("run", "--rm", "app", "sh", "-c", "echo early; exit 7");
        assertThat(seven.exit()).as(seven.output()).isEqualTo(7);
        assertThat(seven.output()).isEqualTo("early\n");
        // Without input (-i=false) the one-off reads end of file at once.
        Result noInput = runWithInput("ignored\n", "run", "--rm", "-i=false", "app", "sh", "-c", "cat; echo done");
        assertThat(noInput.output()).isEqualTo("done\n");
        // --rm left no one-off behind.
        List<String> left = new io.jcompose.agent.client.AgentClient(runtime.resolve("jcompose.sock"))
                .list(List.of("com.docker.compose.oneoff=True")).stream().map(c -> c.name()).toList();
        assertThat(left).as("one-offs left").isEmpty();

        // Under script(1) the launcher's input is a terminal: a TTY by default, none with -T, typed input reaching it.
        Result tty = script("run --rm app sh -c 'test -t 0 && test -t 1 && echo has-a-tty; exit 3'", null);
        assertThat(tty.output()).contains("has-a-tty");
        assertThat(tty.exit()).as(tty.output()).isEqualTo(3);
        Result noTty = script("run --rm -T app sh -c 'test -t 0 || echo no-tty'", null);
        assertThat(noTty.output()).contains("no-tty");
        assertThat(noTty.exit()).as(noTty.output()).isZero();
        Result typed = script("run --rm app sh -c 'read x; echo got:$x; exit 5'", "hello\r");
        assertThat(typed.output()).contains("got:hello");
        assertThat(typed.exit()).as(typed.output()).isEqualTo(5);

        // attach with piped input: the service's container reads it; its exit code is attach's.
        Result attached = runWithInput("a\nquit\n", "attach", "reader");
        assertThat(attached.output()).isEqualTo("got:a\ngot:quit\n");
        assertThat(attached.exit()).as(attached.output()).isEqualTo(4);

        // attach to a TTY service and detach with Ctrl-P Ctrl-Q: attach ends with 0, the container runs on.
        ProcessBuilder detach = new ProcessBuilder("script", "-q", "-e", "-c", LAUNCHER + " attach ticker", "/dev/null")
                .directory(project.toFile()).redirectErrorStream(true);
        detach.environment().putAll(env);
        Process p = detach.start();
        InputStream out = p.getInputStream();
        assertThat(readLine(out)).contains("tick");
        assertThat(readLine(out)).contains("tick"); // the second: the terminal is in raw mode by now
        try (OutputStream in = p.getOutputStream()) {
            in.write(new byte[] {0x10, 0x11});
        }
        out.transferTo(OutputStream.nullOutputStream());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        Result running = run("ps", "--status", "running", "--services");
        assertThat(running.output()).contains("ticker");
    }


    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }


}
