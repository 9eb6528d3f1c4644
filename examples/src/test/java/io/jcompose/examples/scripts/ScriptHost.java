package io.jcompose.examples.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the example images' scripts on this host with Debian's {@code /bin/busybox}, as the images do:
 * their {@code #!/bin/busybox sh} line works here too, and busybox's shell prefers its own applets, so
 * {@code nc}, {@code wget} and {@code httpd} are busybox's. {@code PATH} holds the layers'
 * {@code usr/local/bin} directories, standing in for the image's. Servers it starts listen on free
 * ports and are talked to on 127.0.0.1 only; {@link #close()} ends them (by PID) and their children.
 */
final class ScriptHost implements AutoCloseable {
    static final Path LAYERS = Path.of("images/layers").toAbsolutePath();
    private static final long WAIT_SECONDS = 30;

    private final Path temp;
    private final List<Process> started = new ArrayList<>();
    private int logs;

    ScriptHost(Path temp) {
        this.temp = temp;
    }

    /** A file of one of the layers, e.g. {@code file("kvstore", "usr/local/bin/kv")}. */
    static Path file(String layer, String path) {
        return LAYERS.resolve(layer).resolve(path);
    }

    record Result(int exit, String out, String err) {
        /** The body of a CGI answer, after its header lines. */
        String body() {
            int end = out.indexOf("\r\n\r\n");
            return end < 0 ? out : out.substring(end + 4);
        }

        String statusLine() {
            int end = out.indexOf("\r\n");
            return end < 0 ? out : out.substring(0, end);
        }
    }

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        String bins = String.join(":", file("kvstore", "usr/local/bin").toString(), file("jobs", "usr/local/bin").toString(),
                file("http-forward", "usr/local/bin").toString(), file("serve", "usr/local/bin").toString());
        env.put("PATH", bins + ":/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOME", temp.toString());
        env.put("TMPDIR", temp.toString());
        env.putAll(extra);
        return env;
    }

    private ProcessBuilder builder(List<String> command, Map<String, String> env) {
        List<String> full = new ArrayList<>(List.of("/bin/busybox", "sh"));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).directory(temp.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment(env));
        return pb;
    }

    /** Runs a script to its end with {@code stdin} as input. */
    Result run(List<String> command, Map<String, String> env, String stdin) {
        try {
            Path out = temp.resolve("out-" + ++logs);
            Path err = temp.resolve("err-" + logs);
            Process p = builder(command, env).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the script did not read its input: fine
            }
            if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + WAIT_SECONDS + " s");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Result run(List<String> command, Map<String, String> env) {
        return run(command, env, "");
    }

    /** Starts a long-running script; {@link #close()} stops it. */
    Process start(List<String> command, Map<String, String> env) {
        try {
            Process p = builder(command, env).redirectOutput(temp.resolve("bg-" + ++logs).toFile())
                    .redirectErrorStream(true).start();
            started.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a kv-server with its data in {@code data}; returns its {@code host:port}. */
    String startKvServer(Path data) {
        int port = freePort();
        start(List.of(file("kvstore", "usr/local/bin/kv-server").toString()),
                Map.of("KV_PORT", String.valueOf(port), "KV_DATA", data.toString()));
        String addr = "127.0.0.1:" + port;
        awaitReady(List.of(file("kvstore", "usr/local/bin/kv").toString(), "PING"), Map.of("KV_ADDR", addr), "PONG");
        return addr;
    }

    /** Starts busybox httpd on 127.0.0.1 serving {@code home}; returns its base URL. */
    String startHttpd(Path home, Map<String, String> env) {
        int port = freePort();
        start(List.of("-c", "exec httpd -f -p 127.0.0.1:" + port + " -h " + home), env);
        String url = "http://127.0.0.1:" + port;
        awaitReady(List.of("-c", "if wget -q -O /dev/null " + url + "/ 2>&1 | grep -q refused; then echo no; else echo ready; fi"),
                Map.of(), "ready");
        return url;
    }

    /** Polls a command until its output is {@code expected}, for at most {@value #WAIT_SECONDS} s. */
    void awaitReady(List<String> probe, Map<String, String> env, String expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        Result last;
        do {
            last = run(probe, env);
            if (last.out().strip().equals(expected)) return;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not ready: " + probe + " said " + last);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path temp() {
        return temp;
    }

    @Override
    public void close() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        started.clear();
    }

    static void assertExit(Result r, int expected) {
        assertThat(r.exit()).as("exit code; stdout: %s; stderr: %s", r.out(), r.err()).isEqualTo(expected);
    }
}
