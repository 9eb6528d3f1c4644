package io.jcompose.agent.runtime;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.host.HostCommand;
import io.jcompose.json.TreeJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The OCI runtime's command line, for one state root of our own ({@code --root}), so the agent never
 * sees or touches containers that other tools created with the same runtime. {@code create} is not
 * here: the monitor runs it, so that the monitor becomes the container's parent.
 */
public final class OciRuntime {
    private final RuntimeBinary binary;
    private final Path stateRoot;

    public OciRuntime(RuntimeBinary binary, Path stateRoot) {
        this.binary = binary;
        this.stateRoot = stateRoot;
    }

    public RuntimeBinary binary() {
        return binary;
    }

    /** The global options that select our state root; the monitor passes them on to {@code create}. */
    public List<String> globalArgs() {
        return List.of("--root", stateRoot.toString());
    }

    /** Lets a created container run its process. */
    public void start(String id) {
        check(run("start", id), "start");
    }

    /**
     * As {@link #start(String)}, for a container whose init process is {@code initPid}: with runc, the agent does
     * what {@code runc start} does itself ({@link ExecFifo}); other runtimes are asked.
     */
    public void start(String id, int initPid) {
        Path fifo = stateRoot.resolve(id).resolve(ExecFifo.NAME);
        if (initPid > 0 && "runc".equals(binary.name()) && java.nio.file.Files.exists(fifo)) {
            ExecFifo.release(fifo, initPid, id);
        } else {
            start(id);
        }
    }

    /** Sends a signal to the container's init, or with {@code all} to every process in it. */
    public void kill(String id, String signal, boolean all) {
        List<String> args = new ArrayList<>(List.of("kill"));
        if (all) {
            args.add("--all");
        }
        args.add(id);
        args.add(signal);
        HostCommand.Result result = run(args);
        // A container that has just exited answers "not running"; the caller sees the exit anyway.
        if (!result.ok() && !notRunning(result.stderr())) {
            check(result, "kill");
        }
    }

    /** Freezes every process of the container (cgroup freezer). */
    public void pause(String id) {
        check(run("pause", id), "pause");
    }

    public void resume(String id) {
        check(run("resume", id), "resume");
    }

    /**
     * Forgets a container and removes its cgroup. With {@code force} a live container is killed first.
     * A container the runtime does not know is already deleted. A stopped runc container is deleted in
     * process ({@link StoppedRuncState}), as runc would.
     */
    public void delete(String id, boolean force) {
        if (binary.name().equals("runc") && StoppedRuncState.destroy(stateRoot, id)) {
            return; // an exited container's cgroups and state, without a runc process
        }
        HostCommand.Result result = force ? run("delete", "--force", id) : run("delete", id);
        if (!result.ok() && !doesNotExist(result.stderr())) {
            check(result, "delete");
        }
    }

    public Optional<RuntimeState> state(String id) {
        HostCommand.Result result = run("state", id);
        if (!result.ok()) {
            if (doesNotExist(result.stderr())) {
                return Optional.empty();
            }
            check(result, "state");
        }
        return Optional.of(state(TreeJson.read(result.stdout())));
    }

    /** Every container under our state root. */
    public List<RuntimeState> list() {
        HostCommand.Result result = run("list", "--format", "json");
        check(result, "list");
        String out = result.stdout().strip();
        if (out.isEmpty() || out.equals("null")) {
            return List.of();
        }
        List<RuntimeState> states = new ArrayList<>();
        for (JsonNode n : TreeJson.read(out).values()) {
            states.add(state(n));
        }
        return List.copyOf(states);
    }

    /** The members the agent uses of the runtime's state (others ignored); a missing one null, or 0 for the pid. */
    private static RuntimeState state(JsonNode n) {
        return new RuntimeState(member(n, "id"), n.path("pid").asInt(0), member(n, "status"), member(n, "bundle"));
    }

    private static String member(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** The command line of {@code exec} with a process description file; the caller wires its stdio. */
    public List<String> execArgv(String id, Path processJson) {
        List<String> argv = new ArrayList<>(command());
        argv.addAll(List.of("exec", "--process", processJson.toString(), id));
        return argv;
    }

    /** As {@link #execArgv(String, Path)}, writing the exec'd process's host pid to {@code pidFile}. */
    public List<String> execArgv(String id, Path processJson, Path pidFile) {
        List<String> argv = new ArrayList<>(command());
        argv.addAll(List.of("exec", "--process", processJson.toString(), "--pid-file", pidFile.toString(), id));
        return argv;
    }

    private HostCommand.Result run(String... args) {
        return run(List.of(args));
    }

    private HostCommand.Result run(List<String> args) {
        List<String> argv = new ArrayList<>(command());
        argv.addAll(args);
        return HostCommand.run(argv);
    }

    private List<String> command() {
        List<String> argv = new ArrayList<>();
        argv.add(binary.path().toString());
        argv.addAll(globalArgs());
        return argv;
    }

    private void check(HostCommand.Result result, String verb) {
        if (result.ok()) {
            return;
        }
        String message = HostCommand.runtimeMessage(result.stderr());
        ErrorKind kind = doesNotExist(result.stderr()) ? ErrorKind.NOT_FOUND : ErrorKind.INTERNAL;
        throw new AgentException(kind, binary.name() + " " + verb + " failed: " + message, null);
    }

    private static boolean doesNotExist(String stderr) {
        return stderr.contains("does not exist") || stderr.contains("not found");
    }

    private static boolean notRunning(String stderr) {
        return stderr.contains("not running") || stderr.contains("process already finished")
                || stderr.contains("container not running");
    }
}
