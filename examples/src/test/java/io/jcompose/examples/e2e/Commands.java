package io.jcompose.examples.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs a host command to its end, with a time limit, and returns its exit code and both outputs. */
final class Commands {
    private static final Duration DEFAULT_LIMIT = Duration.ofSeconds(30);

    private Commands() {
    }

    /** One command's outcome. */
    record Result(List<String> command, int exit, String out, String err) {
        /** For assertion messages: what ran and everything it said. */
        String describe() {
            return String.join(" ", command) + " → exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... command) {
        return run(List.of(command), null, Map.of(), DEFAULT_LIMIT);
    }

    /** stdout of a command that must succeed. */
    static String output(String... command) {
        Result r = run(command);
        if (r.exit() != 0) {
            throw new IllegalStateException(r.describe());
        }
        return r.out();
    }

    /**
     * Runs {@code command} in {@code dir} (null: the current directory) with {@code env} added to this
     * process's environment; a command still running after {@code limit} is killed and reported as exit -1.
     */
    static Result run(List<String> command, Path dir, Map<String, String> env, Duration limit) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                return new Result(command, -1, out.getNow(""), err.getNow("") + "\n(killed after " + limit + ")");
            }
            return new Result(command, p.exitValue(), out.get(), err.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Reads a stream to its end on a virtual thread. A process the command leaves behind (the agent it starts)
     * may keep the pipe open, so the read ends with the command: the future completes with what came so far.
     */
    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (in) {
                text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.complete("");
            }
        });
        return text;
    }
}
