package io.jcompose.agent.monitor;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.host.HostCommand;
import io.jcompose.agent.log.LogPolicy;
import io.jcompose.agent.runtime.OciRuntime;
import io.jcompose.agent.syscall.Libc;
import io.jcompose.json.TreeJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * Starts a container under {@code conmon}, the monitor Podman and CRI-O use. conmon forks itself
 * away from the agent (new session, subreaper), runs the runtime's {@code create}, and then stays as
 * the container's parent: it copies stdout/stderr into the log file, writes the exit code to a file
 * when the container ends and notes an OOM kill. None of that needs the agent to be alive, which is
 * what lets containers outlive an agent restart (docs/design/0004-container-supervision.md).
 *
 * <p>conmon reports the created container's pid (or the runtime's error) on a "sync pipe" named by
 * {@code _OCI_SYNCPIPE}. The JDK cannot hand a child extra descriptors, and it drains and closes a
 * child's stdout as soon as that process exits (conmon's first process exits right after forking,
 * possibly before the report is written), so the sync pipe is a named pipe of our own: conmon is
 * started through {@code sh -c 'exec conmon ... 3>sync'} and the agent reads the other end. End of
 * file on it means every conmon process has closed it, i.e. conmon died without reporting.
 */
public final class Conmon {
    private static final long CREATE_TIMEOUT_SECONDS = 60;

    private final Path binary;
    private final String version;
    private final long logSizeMax;

    private Conmon(Path binary, String version, long logSizeMax) {
        this.binary = binary;
        this.version = version;
        this.logSizeMax = logSizeMax;
    }

    /** This monitor starting a new log file when the next line would take it past {@code bytes}. */
    public Conmon withLogSizeMax(long bytes) {
        return new Conmon(binary, version, bytes);
    }

    /** Finds conmon on the host; UNAVAILABLE with the package to install when it is absent. */
    public static Conmon locate() {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/libexec/podman", "/usr/sbin")) {
            Path candidate = Path.of(dir, "conmon");
            if (Files.isExecutable(candidate)) {
                HostCommand.Result result = HostCommand.run(List.of(candidate.toString(), "--version"));
                if (result.ok()) {
                    return new Conmon(candidate, result.stdout().lines().findFirst().orElse("").replace("conmon version ", ""),
                            LogPolicy.DEFAULT.maxSize());
                }
            }
        }
        throw AgentException.unavailable("conmon, the container monitor, is not installed",
                "install Debian's conmon (apt-get install conmon)");
    }

    public String version() {
        return version;
    }

    /**
     * Creates the container under a new monitor and returns the container's init pid. The container
     * exists in the runtime (state {@code created}); the caller starts it with the runtime's
     * {@code start}. On failure nothing of the container is left in the runtime.
     */
    public int launch(MonitorLaunch launch, OciRuntime runtime) {
        Path fifo = launch.bundle().resolve("sync");
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\" 3>\"$SYNC_FIFO\"",
                binary.toString(), "--api-version", "1",
                "-c", launch.containerId(), "-u", launch.containerId(), "-n", launch.containerId(),
                "-r", runtime.binary().path().toString(),
                "-b", launch.bundle().toString(),
                "-p", launch.containerPidFile().toString(),
                "-P", launch.monitorPidFile().toString(),
                "--exit-dir", launch.exitDir().toString(),
                "--persist-dir", launch.persistDir().toString(),
                "-l", "k8s-file:" + launch.logFile(),
                // conmon starts a new file at the limit; LogKeeper keeps the earlier ones as generations
                "--log-size-max", Long.toString(launch.logSizeMax() > 0 ? launch.logSizeMax() : logSizeMax),
                "--socket-dir-path", launch.socketDir().toString(),
                "--log-level", "error"));
        // The runtime's own log keeps its error even when conmon cannot pass it on.
        List<String> runtimeArgs = new ArrayList<>(runtime.globalArgs());
        runtimeArgs.addAll(List.of("--log", runtimeLog(launch).toString(), "--log-format", "json"));
        for (String arg : runtimeArgs) {
            argv.add("--runtime-arg");
            argv.add(arg);
        }
        if (launch.tty()) {
            argv.add("-t");
        }
        if (launch.stdin()) {
            argv.add("-i");
            if (!launch.stdinOnce()) {
                argv.add("--leave-stdin-open"); // a client detaching must not end the container's input
            }
        }
        // conmon writes some files (an "oom" marker) relative to its working directory.
        ProcessBuilder builder = new ProcessBuilder(argv).directory(launch.persistDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("_OCI_SYNCPIPE", "3");
        builder.environment().put("SYNC_FIFO", fifo.toString());
        Process process;
        try {
            prepare(launch); // creates the persist directory, which is also conmon's working directory
            if (!Libc.mkfifo(fifo, 0600)) {
                throw AgentException.internal("cannot create the sync pipe " + fifo, null);
            }
            process = builder.start();
        } catch (IOException e) {
            throw AgentException.unavailable("cannot start conmon: " + e.getMessage(), "install Debian's conmon");
        }
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process), Thread::startVirtualThread);
        String line = readSyncLine(fifo, process);
        try {
            process.waitFor(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (line == null) {
            String err = stderr.completeOnTimeout("", 5, TimeUnit.SECONDS).join().strip();
            String runtimeError = lastRuntimeError(runtimeLog(launch));
            throw AgentException.internal("conmon exited without creating the container"
                    + (runtimeError.isEmpty() ? "" : ": " + runtimeError) + (err.isEmpty() ? "" : " (" + err + ")"), null);
        }
        JsonNode sync = TreeJson.read(line);
        int pid = sync.path("data").asInt(-1);
        if (pid <= 0) {
            String message = HostCommand.runtimeMessage(sync.path("message").asString(""));
            throw new AgentException(io.jcompose.agent.error.ErrorKind.FAILED_PRECONDITION,
                    runtime.binary().name() + " could not create the container: " + message, null);
        }
        return pid;
    }

    private static Path runtimeLog(MonitorLaunch launch) {
        return launch.bundle().resolve("runtime.log");
    }

    /** The last error-level message of the runtime's JSON log, or "". */
    private static String lastRuntimeError(Path log) {
        try {
            String last = "";
            for (String line : Files.readAllLines(log)) {
                JsonNode entry = TreeJson.read(line);
                if ("error".equals(entry.path("level").asString(""))) {
                    last = entry.path("msg").asString("");
                }
            }
            return last;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** conmon refuses to start over a previous run's control fifo and attach socket. */
    private static void prepare(MonitorLaunch launch) throws IOException {
        Files.createDirectories(launch.persistDir());
        Files.createDirectories(launch.exitDir());
        Files.createDirectories(launch.socketDir());
        Files.createDirectories(launch.monitorPidFile().getParent());
        for (String leftover : List.of("ctl", "attach", "winsz", "sync")) {
            Files.deleteIfExists(launch.bundle().resolve(leftover));
        }
        Files.deleteIfExists(launch.exitDir().resolve(launch.containerId()));
        Files.deleteIfExists(launch.persistDir().resolve("exit"));
        Files.deleteIfExists(launch.persistDir().resolve("oom"));
        Files.deleteIfExists(launch.containerPidFile());
        Files.deleteIfExists(runtimeLog(launch));
    }

    /**
     * Reads conmon's one-line report from the named pipe. Opening blocks until the shell opens the
     * write end, which it does before it runs conmon; a shell that died first is seen by its exit.
     */
    private static String readSyncLine(Path fifo, Process process) {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = Files.newBufferedReader(fifo, StandardCharsets.UTF_8)) {
                return reader.readLine();
            } catch (IOException e) {
                return null;
            }
        }, Thread::startVirtualThread);
        process.onExit().thenRun(() -> {
            if (process.exitValue() != 0) {
                unblock(fifo); // the shell or conmon failed before opening the pipe: let the reader see EOF
            }
        });
        try {
            return line.get(CREATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            unblock(fifo);
            throw AgentException.unavailable("the runtime did not create the container within "
                    + CREATE_TIMEOUT_SECONDS + " s", "check the host's load and the runtime's logs");
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            try {
                Files.deleteIfExists(fifo);
            } catch (IOException e) {
                // Replaced on the next start.
            }
        }
    }

    /**
     * Opens and closes a write end, so a reader blocked in open() proceeds and then sees end of file.
     * Read-write, because a write-only open of a pipe nobody reads would block.
     */
    private static void unblock(Path fifo) {
        try (var ignored = java.nio.channels.FileChannel.open(fifo, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE)) {
            // Opening is all it takes.
        } catch (IOException e) {
            // Already gone: nobody is blocked on it.
        }
    }

    private static String drain(Process process) {
        try (var in = process.getErrorStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
