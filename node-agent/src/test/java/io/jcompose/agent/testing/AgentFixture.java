package io.jcompose.agent.testing;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.client.LogOptions;
import io.jcompose.agent.daemon.AgentConfig;
import io.jcompose.agent.daemon.Daemon;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An in-process agent for root-tier tests: its own directories, cgroup parent and busybox rootfs,
 * a client on its socket, and cleanup of everything it made. Every container a test creates
 * carries the label {@code jt=<prefix>}.
 */
public final class AgentFixture implements AutoCloseable {
    private final TestHost host;
    private final Path rootfs;
    private final Daemon daemon;
    private final AgentClient client;

    private AgentFixture(TestHost host, Path rootfs, Daemon daemon) {
        this.host = host;
        this.rootfs = rootfs;
        this.daemon = daemon;
        this.client = new AgentClient(daemon.agent().config().socket());
    }

    public static AgentFixture start() {
        return start(c -> c);
    }

    /** An agent whose configuration is the test run's, changed by {@code tune}. */
    public static AgentFixture start(java.util.function.UnaryOperator<AgentConfig> tune) {
        TestHost host = TestHost.create();
        try {
            Path rootfs = BusyboxRootfs.create(host.root().resolve("rootfs"));
            return new AgentFixture(host, rootfs, Daemon.start(tune.apply(config(host))));
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    public static AgentConfig config(TestHost host) {
        return AgentConfig.defaults().withDirectories(host.dataRoot(), host.runtimeDir())
                .withCgroupParent(host.cgroupParent()).withNetwork(host.networkSettings());
    }

    /** The command-line options that give a spawned agent the same network settings as {@code config}. */
    public static List<String> networkOptions(AgentConfig config) {
        return List.of("--network-prefix", config.network().prefix(), "--address-pools", config.network().poolsText(),
                "--resolv-conf", config.network().resolvConf().toString());
    }

    public AgentClient client() {
        return client;
    }

    public TestHost host() {
        return host;
    }

    public Path rootfs() {
        return rootfs;
    }

    public Daemon daemon() {
        return daemon;
    }

    /** A spec body running {@code command} from the busybox rootfs, everything else default. */
    public ContainerSpecBody spec(String... command) {
        return ContainerSpecBody.ofRootfs(rootfs.toString(), List.of(command));
    }

    public ContainerView create(String name, ContainerSpecBody spec) {
        return client.create(new CreateContainerRequest(host.prefix() + "-" + name, Map.of("jt", host.prefix()), spec));
    }

    /** Creates, starts, waits for the exit; returns [exit code, stdout, stderr]. */
    public Run run(String name, ContainerSpecBody spec) {
        ContainerView c = create(name, spec);
        client.start(c.id());
        int code = client.awaitExit(c.id()).exitCode();
        return new Run(c.id(), code, output(c.id(), true, false), output(c.id(), false, true));
    }

    public record Run(String id, int exitCode, String stdout, String stderr) {
    }

    public String output(String id, boolean stdout, boolean stderr) {
        List<String> lines = new ArrayList<>();
        client.logs(id, new LogOptions(stdout, stderr, -1, false), line -> lines.add(line.message()));
        return String.join("\n", lines);
    }

    /** Removes every container of this run (force), leaving the agent up. */
    public void removeAll() {
        for (ContainerView c : client.list(List.of("jt=" + host.prefix()))) {
            client.remove(c.id(), true);
        }
    }

    @Override
    public void close() {
        try {
            removeAll();
        } finally {
            try {
                daemon.close();
            } finally {
                host.close();
            }
        }
    }
}
