package io.jcompose.agent.network;

import io.jcompose.network.NetworkManagerConfig;
import io.jcompose.network.ipam.SubnetPool;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The agent's network settings. Production uses {@link #DEFAULT}; a root-tier test gives its run a
 * unique interface prefix and nftables table, its own address pool and a resolver file of its own so
 * that nothing it makes collides with the host's or another run's.
 *
 * @param prefix     start of every interface name the manager makes ({@code jc})
 * @param table      the manager's nftables table ({@code jcompose})
 * @param pools      default address pools, in order of preference
 * @param resolvConf the host resolver file: upstreams of the DNS servers, search and options of containers
 */
public record NetworkSettings(String prefix, String table, List<SubnetPool> pools, Path resolvConf) {

    public static final NetworkSettings DEFAULT =
            new NetworkSettings("jc", "jcompose", SubnetPool.defaults(), Path.of("/etc/resolv.conf"));

    public NetworkSettings {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(table, "table");
        pools = List.copyOf(pools);
        Objects.requireNonNull(resolvConf, "resolvConf");
    }

    /** Interfaces named {@code prefix…} and the nftables table {@code prefix}. */
    public NetworkSettings withPrefix(String p) {
        return new NetworkSettings(p, p, pools, resolvConf);
    }

    public NetworkSettings withPools(List<SubnetPool> p) {
        return new NetworkSettings(prefix, table, p, resolvConf);
    }

    public NetworkSettings withResolvConf(Path file) {
        return new NetworkSettings(prefix, table, pools, file);
    }

    /** {@code 10.213.0.0/16:24,fd00::/48:64} → pools, as the agent's {@code --address-pools} option takes them. */
    public static List<SubnetPool> parsePools(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).map(t -> {
            int colon = t.lastIndexOf(':');
            if (colon < 0 || t.indexOf('/') > colon) {
                throw new IllegalArgumentException("address pool '" + t + "' is not BASE/LENGTH:SIZE, e.g. 10.213.0.0/16:24");
            }
            return SubnetPool.of(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1)));
        }).toList();
    }

    /** The pools in the form {@link #parsePools} reads. */
    public String poolsText() {
        return String.join(",", pools.stream().map(p -> p.base() + ":" + p.size()).toList());
    }

    /** State under {@code <dataRoot>/network}, namespaces under {@code <runtimeDir>/netns}. */
    public NetworkManagerConfig managerConfig(Path dataRoot, Path runtimeDir) {
        return NetworkManagerConfig.defaults().withPrefix(prefix).withTable(table).withPools(pools)
                .withStateDir(dataRoot.resolve("network")).withNetnsDir(runtimeDir.resolve("netns"));
    }
}
