package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code exec} through the real launcher: output shown while the command runs, standard input piped in, exit
 * codes, and a TTY when (and only when) the launcher's standard input is a terminal (given by {@code script}).
 * Root only, against an agent of the test's own.
 */
class ExecStreamingIT extends LauncherStack {




    @Test
    void execStreamsOutputPipesInputAndAllocatesATtyOnATerminal() throws Exception {
        startStack("""
                services:
                  app:
                    image: jcompose.local/busybox:1
                    command: [sh, -c, "exec sleep 600"]
                    stop_grace_period: 1s
                """);
        Result up = run("up", "-d");
        assertThat(up.exit()).as(up.output()).isZero();

        // echo hi | jcompose exec -T app cat
        Result cat = runWithInput("hi\n", "exec", "-T", "app", "cat");
        assertThat(cat.exit()).as(cat.output()).isZero();
        assertThat(cat.output()).isEqualTo("hi\n");

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
        assertThat(runWithInput("", "exec", "app", "sh", "-c", "test -t 0").exit()).isEqualTo(1);

        // Under script(1) the launcher's standard input is a terminal: a TTY by default, none with -T.
        Result tty = script("exec app sh -c 'test -t 0 && test -t 1 && echo has-a-tty; exit 3'");
        assertThat(tty.output()).contains("has-a-tty");
        assertThat(tty.exit()).as(tty.output()).isEqualTo(3);
        Result noTty = script("exec -T app sh -c 'test -t 0 || echo no-tty'");
        assertThat(noTty.output()).contains("no-tty");
        assertThat(noTty.exit()).as(noTty.output()).isZero();

        // -d returns once the command has started; it goes on in the container.
        Result detached = run("exec", "-d", "app", "sh", "-c", "sleep 1; touch /tmp/done; exec sleep 600");
        assertThat(detached.exit()).as(detached.output()).isZero();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Result done;
        do {
            done = run("exec", "-T", "app", "test", "-f", "/tmp/done");
        } while (done.exit() != 0 && System.nanoTime() < deadline);
        assertThat(done.exit()).isZero();
    }


    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }



}
