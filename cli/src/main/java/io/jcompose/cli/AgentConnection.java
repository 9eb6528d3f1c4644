package io.jcompose.cli;

import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.client.AgentControl;
import io.jcompose.agent.client.AgentReadiness;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * How a command reaches the agent: the client on its socket, after starting the agent in the background
 * when none answers, as docker compose users expect of their daemon. The started agent is the same
 * launcher's {@code jcompose agent}, detached in its own session (it outlives this command), writing to
 * {@code <runtimeDir>/agent.log}; the command waits for its readiness file, never for a fixed time.
 *
 * <p>Environment: {@code JCOMPOSE_RUNTIME_DIR} (socket, default /run/jcompose), {@code JCOMPOSE_DATA_ROOT},
 * {@code JCOMPOSE_CGROUP_PARENT}, {@code JCOMPOSE_NETWORK_PREFIX}, {@code JCOMPOSE_ADDRESS_POOLS} and
 * {@code JCOMPOSE_RESOLV_CONF} (for a started agent) let tests run an agent of their own whose interfaces,
 * nftables table, subnets and DNS upstreams never meet a production agent's.
 */
final class AgentConnection {
    static final String RUNTIME_DIR = "JCOMPOSE_RUNTIME_DIR";
    static final String DATA_ROOT = "JCOMPOSE_DATA_ROOT";
    static final String CGROUP_PARENT = "JCOMPOSE_CGROUP_PARENT";
    static final String NETWORK_PREFIX = "JCOMPOSE_NETWORK_PREFIX";
    static final String ADDRESS_POOLS = "JCOMPOSE_ADDRESS_POOLS";
    static final String RESOLV_CONF = "JCOMPOSE_RESOLV_CONF";
    /** Set by the launcher script to its own path. */
    static final String LAUNCHER = "JCOMPOSE_LAUNCHER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final CliContext context;
    private final Path runtimeDir;

    AgentConnection(CliContext context) {
        this.context = context;
        String dir = context.environment().get(RUNTIME_DIR);
        this.runtimeDir = dir == null || dir.isEmpty() ? Path.of("/run/jcompose") : Path.of(dir);
    }

    Path runtimeDir() {
        return runtimeDir;
    }

    /** A client of the running agent, started first when none answers; progress notes go to {@code err}. */
    AgentClient connect(PrintWriter err) {
        if (!accepts(runtimeDir.resolve(AgentReadiness.SOCKET_FILE)) && AgentControl.status(runtimeDir).isEmpty()) {
            start(err);
        }
        return new AgentClient(runtimeDir.resolve(AgentReadiness.SOCKET_FILE));
    }

    /** A client of the agent when one answers already (never starting one, never writing anything); else null. */
    AgentClient connectIfRunning() {
        Path socket = runtimeDir.resolve(AgentReadiness.SOCKET_FILE);
        return accepts(socket) ? new AgentClient(socket) : null;
    }

    /**
     * Whether something listens on the agent's socket: a connection is enough to go on (the command's own first
     * request says the rest), and costs no HTTP exchange. A stale socket file refuses the connection.
     */
    private static boolean accepts(Path socket) {
        if (!Files.exists(socket)) return false;
        try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
                java.net.UnixDomainSocketAddress.of(socket))) {
            return channel.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private void start(PrintWriter err) {
        if (!isRoot()) {
            throw new CommandFailure("no jcompose agent answers on " + runtimeDir.resolve(AgentReadiness.SOCKET_FILE)
                    + ", and only root can start one — run `sudo jcompose agent` (or install it as a system service),"
                    + " or run this command with sudo");
        }
        Path log = runtimeDir.resolve("agent.log");
        Process agent;
        try {
            Files.createDirectories(runtimeDir);
            agent = new ProcessBuilder(command()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new CommandFailure("cannot start the jcompose agent: " + e.getMessage(), e);
        }
        err.println("jcompose: started the agent (pid " + agent.pid() + "), its log is " + log);
        err.flush();
        // Ready, or dead first: an agent that exits (another holds the lock, a host piece is missing) must not
        // make the command wait for the whole timeout.
        CompletableFuture<Object> ready = CompletableFuture.supplyAsync(() -> AgentReadiness.await(runtimeDir, READY_TIMEOUT),
                command -> Thread.ofPlatform().daemon().start(command));
        try {
            Object first = CompletableFuture.anyOf(ready, agent.onExit()).get();
            if (first instanceof Process dead && !ready.isDone()) {
                throw new CommandFailure("the jcompose agent exited with code " + dead.exitValue()
                        + " before it was ready — see " + log + lastLines(log));
            }
            ready.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CommandFailure(e.getCause().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted while waiting for the agent", e);
        }
    }

    /**
     * {@code setsid <launcher> agent --runtime-dir … [--data-root …] [--cgroup-parent …] [--network-prefix …]
     * [--address-pools …] [--resolv-conf …]}, each optional one when its variable is set and not empty.
     */
    List<String> command() {
        List<String> cmd = new ArrayList<>(List.of("setsid", launcher().toString(), "agent",
                "--runtime-dir", runtimeDir.toString()));
        for (var option : List.of(List.of(DATA_ROOT, "--data-root"), List.of(CGROUP_PARENT, "--cgroup-parent"),
                List.of(NETWORK_PREFIX, "--network-prefix"), List.of(ADDRESS_POOLS, "--address-pools"),
                List.of(RESOLV_CONF, "--resolv-conf"))) {
            String value = context.environment().get(option.get(0));
            if (value != null && !value.isEmpty()) {
                cmd.addAll(List.of(option.get(1), value));
            }
        }
        return cmd;
    }

    /**
     * The {@code jcompose} script: named by the launcher itself, else found from where this class was loaded
     * ({@code <repo>/cli/target/jcompose.jar} or {@code <repo>/cli/target/classes}).
     */
    Path launcher() {
        String named = context.environment().get(LAUNCHER);
        if (named != null && !named.isEmpty()) {
            return Path.of(named);
        }
        try {
            Path code = Path.of(AgentConnection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path script = code.getParent().getParent().getParent().resolve("jcompose");
            if (Files.isExecutable(script)) {
                return script;
            }
            throw new CommandFailure("cannot find the jcompose launcher next to " + code
                    + " — start the agent yourself with `sudo jcompose agent`");
        } catch (URISyntaxException | NullPointerException e) {
            throw new CommandFailure("cannot find the jcompose launcher — start the agent with `sudo jcompose agent`", e);
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
