package io.jcompose.cli;

import io.jcompose.agent.daemon.AgentConfig;
import io.jcompose.agent.network.NetworkSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jcompose agent}: the per-host daemon in the foreground, until SIGTERM or SIGINT; containers keep
 * running when it stops. {@code agent status} and {@code agent stop} talk to a running one.
 * The agent's classes load only when one of these runs, never for other commands.
 */
@Command(name = "agent", description = "Run the jcompose agent in the foreground (root only).",
        subcommands = {AgentCommand.Status.class, AgentCommand.Stop.class})
final class AgentCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    JcomposeCommand root;

    @Mixin
    private HelpOption helpOption;

    @Mixin
    private AgentDirectories directories;

    @Option(names = "--data-root", paramLabel = "DIR", description = "Containers' state and files (default: /var/lib/jcompose).")
    private Path dataRoot;

    @Option(names = "--cgroup-parent", paramLabel = "PATH", description = "Cgroup the containers are created under (default: /jcompose).")
    private String cgroupParent;

    @Option(names = "--runtime", paramLabel = "NAME", split = ",",
            description = "OCI runtimes to try, in order (default: crun,runc; the first that works on this host is used).")
    private List<String> runtimes;

    @Option(names = "--network-prefix", paramLabel = "PREFIX",
            description = "Start of the names of the interfaces and of the nftables table the agent makes (default: jc;"
                    + " the table is then `jcompose`).")
    private String networkPrefix;

    @Option(names = "--address-pools", paramLabel = "BASE/LEN:SIZE[,…]",
            description = "Address pools networks without a subnet are cut from, e.g. 10.213.0.0/16:24 (default: Docker's).")
    private String addressPools;

    @Option(names = "--resolv-conf", paramLabel = "FILE",
            description = "Resolver file whose servers the containers' DNS forwards to (default: /etc/resolv.conf).")
    private Path resolvConf;

    @Option(names = "--insecure-registry", paramLabel = "HOST:PORT",
            description = "Registry to pull from over plain HTTP; repeatable (loopback registries always are).")
    private List<String> insecureRegistries;

    @Option(names = "--log-max-size", paramLabel = "SIZE",
            description = "Size at which a container's log starts a new file, e.g. 20m, 512k (default: 20m).")
    private String logMaxSize;

    @Option(names = "--log-max-file", paramLabel = "N",
            description = "Log files kept per container, the current one included (default: 5).")
    private Integer logMaxFile;

    @Override
    public Integer call() {
        if (!AgentStart.isRoot()) {
            throw new CommandFailure("the agent must run as root: it creates namespaces, cgroups and mounts"
                    + " — run it with sudo");
        }
        return AgentStart.run(start().config());
    }

    /** The options given on the command line. */
    AgentStart start() {
        return new AgentStart(dataRoot, directories.runtimeDir, cgroupParent, runtimes, insecureRegistries, logMaxSize,
                logMaxFile, networkOptions());
    }

    /** The network options given on the command line. */
    NetworkOptions networkOptions() {
        return new NetworkOptions(networkPrefix, addressPools, resolvConf);
    }

    /**
     * The network options, each null when not given. Apart from the command class because picocli reads the
     * command's declared methods when it builds the command line (for any command, {@code version} included):
     * a method of the command naming {@link NetworkSettings} would load the agent's classes at every start.
     */
    record NetworkOptions(String prefix, String pools, Path resolvConf) {
        /** {@code settings} with the options that were given applied. */
        NetworkSettings applyTo(NetworkSettings settings) {
            if (prefix != null) settings = settings.withPrefix(prefix);
            if (pools != null) {
                try {
                    settings = settings.withPools(NetworkSettings.parsePools(pools));
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure("--address-pools: " + e.getMessage());
                }
            }
            if (resolvConf != null) settings = settings.withResolvConf(resolvConf);
            return settings;
        }
    }

    /** {@code --runtime-dir}, shared by the agent and the commands that find it. */
    static final class AgentDirectories {
        @Option(names = "--runtime-dir", paramLabel = "DIR",
                description = "Where the agent's socket lives (default: $JCOMPOSE_RUNTIME_DIR, else /run/jcompose).")
        Path runtimeDir;

        /** The option, else {@code JCOMPOSE_RUNTIME_DIR} (as every other command finds the agent), else the default. */
        Path runtimeDir(AgentCommand agent) {
            if (runtimeDir != null) return runtimeDir;
            return agent == null || agent.root == null ? AgentConfig.defaults().runtimeDir()
                    : new AgentConnection(agent.root.context()).runtimeDir();
        }
    }

    @Command(name = "status", description = "Say whether an agent answers, and with which runtime.")
    static final class Status implements Callable<Integer> {
        @Mixin
        private HelpOption helpOption;

        @picocli.CommandLine.ParentCommand
        private AgentCommand agent;

        @Mixin
        private AgentDirectories directories;

        @picocli.CommandLine.Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var version = io.jcompose.agent.client.AgentControl.status(directories.runtimeDir(agent));
            if (version.isEmpty()) {
                spec.commandLine().getOut().println("not running (no agent answers on "
                        + directories.runtimeDir(agent).resolve("jcompose.sock") + ")");
                spec.commandLine().getOut().flush();
                return 1;
            }
            var v = version.get();
            spec.commandLine().getOut().println("running: pid " + v.pid() + ", agent " + v.version() + ", API "
                    + v.apiVersion() + ", runtime " + v.runtime() + " " + v.runtimeVersion() + " ("
                    + v.runtimeReason() + ")");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "stop", description = "Stop the running agent (SIGTERM, then wait); containers keep running.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        private HelpOption helpOption;

        @picocli.CommandLine.ParentCommand
        private AgentCommand agent;

        @Mixin
        private AgentDirectories directories;

        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = "30",
                description = "How long to wait for it to exit (default: ${DEFAULT-VALUE}).")
        private int timeoutSeconds;

        @picocli.CommandLine.Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            boolean stopped = io.jcompose.agent.client.AgentControl.stop(directories.runtimeDir(agent),
                    java.time.Duration.ofSeconds(timeoutSeconds));
            spec.commandLine().getOut().println(stopped ? "stopped" : "no agent was running");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
