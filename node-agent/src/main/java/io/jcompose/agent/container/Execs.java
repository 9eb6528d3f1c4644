package io.jcompose.agent.container;

import io.jcompose.agent.bundle.BundleWriter;
import io.jcompose.agent.bundle.Capabilities;
import io.jcompose.agent.bundle.SecuritySpec;
import io.jcompose.agent.bundle.oci.OciCapabilities;
import io.jcompose.agent.bundle.ContainerSpec;
import io.jcompose.agent.bundle.ProcessSpec;
import io.jcompose.agent.bundle.ResolvedUser;
import io.jcompose.agent.bundle.SpecTranslator;
import io.jcompose.agent.bundle.UserResolver;
import io.jcompose.agent.bundle.oci.OciJson;
import io.jcompose.agent.bundle.oci.OciProcess;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.host.HostProfile;
import io.jcompose.agent.runtime.OciRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs an extra process in a running container through the runtime's {@code exec}. The process
 * inherits the container's environment, capabilities and limits, with the request's env on top and
 * its own user and working directory when given. Output is captured whole (up to a bound) and
 * returned with the exit code by {@link #run}; {@link #prepare} is the first half for callers that
 * run the process themselves with its standard streams attached (io.jcompose.agent.exec).
 */
public final class Execs {
    /** Output beyond this many bytes per stream is dropped, so one noisy exec cannot exhaust the agent. */
    static final int MAX_OUTPUT = 16 * 1024 * 1024;

    /**
     * @param command    the command line, looked up on the container's PATH
     * @param env        {@code KEY=value} added to the container's environment
     * @param user       null or empty for the container's user
     * @param workingDir null or empty for the container's
     */
    public record Request(List<String> command, List<String> env, String user, String workingDir) {
        public Request {
            command = List.copyOf(command);
            env = env == null ? List.of() : List.copyOf(env);
        }
    }

    /** A finished exec; {@code timedOut}: it was killed at the timeout, and exitCode is -1. */
    public record Outcome(int exitCode, byte[] stdout, byte[] stderr, boolean timedOut) {
    }

    private final OciRuntime runtime;
    private final HostProfile host;
    private final ContainerLayout layout;

    Execs(OciRuntime runtime, HostProfile host, ContainerLayout layout) {
        this.runtime = runtime;
        this.host = host;
        this.layout = layout;
    }

    Outcome run(Container c, SpecTranslator.Context context, Request request, java.time.Duration timeout) {
        Prepared prepared = prepare(c, context, request, Options.CAPTURED);
        try {
            Process p = new ProcessBuilder(prepared.argv())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()), Thread::startVirtualThread);
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()), Thread::startVirtualThread);
            if (timeout != null && !p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                killExecProcess(prepared.pidFile());
                p.destroyForcibly();
                p.waitFor();
                return new Outcome(-1, out.join(), err.join(), true);
            }
            return new Outcome(p.waitFor(), out.join(), err.join(), false);
        } catch (IOException e) {
            throw AgentException.unavailable("cannot run " + runtime.binary().name() + " exec: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgentException.internal("interrupted during exec in " + c.name(), e);
        } finally {
            prepared.close();
        }
    }

    /**
     * How an exec process is started beyond its command: {@code tty} gives it a terminal (the caller runs
     * the runtime on a pseudo-terminal of its own), {@code privileged} every capability the agent has,
     * {@code detach} makes the runtime return once the process has started.
     */
    public record Options(boolean tty, boolean privileged, boolean detach) {
        public static final Options CAPTURED = new Options(false, false, false);
    }

    /**
     * An exec ready to run: the runtime's command line and the process file it reads. Close it once the
     * runtime has returned, to delete the files.
     */
    public record Prepared(List<String> argv, Path processFile, Path pidFile) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(processFile);
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // The container's directory goes with the container.
            }
        }
    }

    /** Checks the request and writes the process file; errors (no command, unknown user) come before anything runs. */
    Prepared prepare(Container c, SpecTranslator.Context context, Request request, Options options) {
        if (request.command().isEmpty()) {
            throw AgentException.invalid("exec needs a command", "give the command to run");
        }
        ContainerSpec spec = c.spec();
        boolean ownUser = request.user() != null && !request.user().isEmpty();
        ResolvedUser user = UserResolver.resolve(spec.rootfs().path(), ownUser ? request.user() : spec.process().user(),
                ownUser ? List.of() : spec.process().groupAdd());
        String cwd = request.workingDir() == null || request.workingDir().isEmpty()
                ? spec.process().workingDir() : request.workingDir();
        ProcessSpec process = new ProcessSpec(request.command(), List.of(), cwd, "", List.of(), options.tty(), false);
        OciProcess oci = SpecTranslator.process(spec, process, user, SpecTranslator.hostname(spec, context), host,
                request.env());
        if (options.privileged()) {
            // As docker exec --privileged: every capability the agent holds, whatever the container was given.
            List<String> all = Capabilities.effective(new SecuritySpec(true, List.of(), List.of(), false),
                    host.capabilities());
            oci = new OciProcess(oci.terminal(), oci.user(), oci.args(), oci.env(), oci.cwd(),
                    new OciCapabilities(all, all, all), oci.rlimits(), oci.noNewPrivileges());
        }
        String id = c.id().value();
        String execName = "exec-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Path processFile = layout.containerDir(id).resolve(execName + ".json");
        Path pidFile = layout.containerDir(id).resolve(execName + ".pid");
        BundleWriter.write(processFile, OciJson.write(oci));
        List<String> argv = new java.util.ArrayList<>(runtime.execArgv(id, processFile, pidFile));
        if (options.detach()) {
            argv.add(argv.size() - 1, "--detach");
        }
        return new Prepared(argv, processFile, pidFile);
    }

    /** Killing the runtime's exec process alone would leave the process it started running in the container. */
    private static void killExecProcess(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | NumberFormatException e) {
            // Not started yet, or already gone: destroying the runtime process is all there is to do.
        }
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            byte[] kept = in.readNBytes(MAX_OUTPUT);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return kept;
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
