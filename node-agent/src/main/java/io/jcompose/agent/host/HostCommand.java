package io.jcompose.agent.host;

import io.jcompose.agent.error.AgentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a host binary to completion and captures its output. Used for the OCI runtime's short
 * commands (start, kill, delete, state); long-lived processes (the monitor) are started elsewhere.
 */
public final class HostCommand {
    private HostCommand() {
    }

    /** What a finished command left behind. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs {@code argv} with stdin closed and both outputs captured. */
    public static Result run(List<String> argv) {
        Process process = start(new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(devNull())), argv);
        // stderr is drained beside stdout so that a chatty command never blocks on a full pipe.
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()),
                Thread::startVirtualThread);
        String stdout = drain(process.getInputStream());
        return new Result(waitFor(process, argv), stdout, stderr.join());
    }

    /**
     * Runs {@code argv} with stdout discarded and stderr written to {@code stderrFile}. Needed when the
     * command hands its stdio to a process that outlives it (an OCI runtime's {@code create}): a pipe
     * would stay open and never reach end of file.
     */
    public static Result runDetached(List<String> argv, Path stderrFile) {
        Process process = start(new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(devNull()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderrFile.toFile()), argv);
        int code = waitFor(process, argv);
        try {
            return new Result(code, "", java.nio.file.Files.readString(stderrFile));
        } catch (IOException e) {
            return new Result(code, "", "");
        }
    }

    /**
     * The message an OCI runtime printed: runc writes {@code time="..." level=error msg="..."}, crun
     * writes plain text. Returns the {@code msg} value when there is one, else the trimmed text.
     */
    public static String runtimeMessage(String stderr) {
        String text = stderr.strip();
        int last = text.lastIndexOf("msg=\"");
        if (last < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (int i = last + 5; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                out.append(text.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Process start(ProcessBuilder builder, List<String> argv) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw AgentException.unavailable("cannot run " + argv.getFirst() + ": " + e.getMessage(),
                    "install it or check the agent's PATH");
        }
    }

    private static int waitFor(Process process, List<String> argv) {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw AgentException.unavailable(String.join(" ", argv) + " did not finish within 60 s", null);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw AgentException.unavailable("interrupted while running " + argv.getFirst(), null);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.io.File devNull() {
        return new java.io.File("/dev/null");
    }
}
