package io.jcompose.agent.daemon;

import io.jcompose.agent.log.LogPolicy;
import io.jcompose.agent.network.NetworkSettings;
import io.jcompose.agent.runtime.RuntimeDetector;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How an agent instance is laid out on the host. Tests give every run its own directories and
 * cgroup parent; production uses {@link #defaults()}.
 *
 * @param dataRoot          durable state: database, bundles, logs ({@code /var/lib/jcompose})
 * @param runtimeDir        volatile state: socket, lock, runtime state, exit files ({@code /run/jcompose})
 * @param cgroupParent      cgroup under which every container's cgroup is made ({@code /jcompose})
 * @param runtimePreference OCI runtimes to try, in order
 * @param network           how its networks are named and addressed (state under {@code dataRoot/network},
 *                          namespaces under {@code runtimeDir/netns})
 * @param insecureRegistries registries ({@code host} or {@code host:port}) pulled from over plain HTTP;
 *                          loopback registries always are
 */
public record AgentConfig(Path dataRoot, Path runtimeDir, String cgroupParent, List<String> runtimePreference,
                          NetworkSettings network, List<String> insecureRegistries, LogPolicy logPolicy) {
    public AgentConfig {
        Objects.requireNonNull(dataRoot, "dataRoot");
        Objects.requireNonNull(runtimeDir, "runtimeDir");
        if (cgroupParent == null || !cgroupParent.startsWith("/") || cgroupParent.length() < 2) {
            throw new IllegalArgumentException("cgroup parent must be an absolute cgroup path such as /jcompose");
        }
        runtimePreference = List.copyOf(runtimePreference);
        Objects.requireNonNull(network, "network");
        insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
        Objects.requireNonNull(logPolicy, "logPolicy");
    }

    public AgentConfig(Path dataRoot, Path runtimeDir, String cgroupParent, List<String> runtimePreference,
                       NetworkSettings network, List<String> insecureRegistries) {
        this(dataRoot, runtimeDir, cgroupParent, runtimePreference, network, insecureRegistries, LogPolicy.DEFAULT);
    }

    public AgentConfig(Path dataRoot, Path runtimeDir, String cgroupParent, List<String> runtimePreference) {
        this(dataRoot, runtimeDir, cgroupParent, runtimePreference, NetworkSettings.DEFAULT, List.of());
    }

    public static AgentConfig defaults() {
        return new AgentConfig(Path.of("/var/lib/jcompose"), Path.of("/run/jcompose"), "/jcompose",
                RuntimeDetector.DEFAULT_PREFERENCE);
    }

    public AgentConfig withDirectories(Path data, Path runtime) {
        return new AgentConfig(data, runtime, cgroupParent, runtimePreference, network, insecureRegistries, logPolicy);
    }

    public AgentConfig withCgroupParent(String parent) {
        return new AgentConfig(dataRoot, runtimeDir, parent, runtimePreference, network, insecureRegistries, logPolicy);
    }

    public AgentConfig withRuntimePreference(List<String> preference) {
        return new AgentConfig(dataRoot, runtimeDir, cgroupParent, preference, network, insecureRegistries, logPolicy);
    }

    /** Interface prefix, nftables table, address pools and resolver file of the agent's networks. */
    public AgentConfig withNetwork(NetworkSettings settings) {
        return new AgentConfig(dataRoot, runtimeDir, cgroupParent, runtimePreference, settings, insecureRegistries, logPolicy);
    }

    public AgentConfig withInsecureRegistries(List<String> registries) {
        return new AgentConfig(dataRoot, runtimeDir, cgroupParent, runtimePreference, network, registries, logPolicy);
    }

    /** How much of each container's output is kept (files and their size). */
    public AgentConfig withLogPolicy(LogPolicy policy) {
        return new AgentConfig(dataRoot, runtimeDir, cgroupParent, runtimePreference, network, insecureRegistries, policy);
    }

    /** The image store's root. */
    public Path imageRoot() {
        return dataRoot.resolve("images");
    }

    /** The API's unix socket. */
    public Path socket() {
        return runtimeDir.resolve("jcompose.sock");
    }

    /** Held while an agent runs: one agent per runtime directory. */
    public Path lockFile() {
        return runtimeDir.resolve("jcompose.lock");
    }

    /** Written (with the agent's pid) once the socket accepts requests; removed at shutdown. */
    public Path readyFile() {
        return runtimeDir.resolve("jcompose.ready");
    }
}
