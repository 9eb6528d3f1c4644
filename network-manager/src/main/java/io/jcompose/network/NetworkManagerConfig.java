package io.jcompose.network;

import io.jcompose.network.bridge.InterfaceNames;
import io.jcompose.network.host.HostNamespace;
import io.jcompose.network.ipam.SubnetPool;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link NetworkManager} names and keeps things.
 *
 * @param prefix         start of every interface name (product {@code jc}; tests a unique one per run)
 * @param table          our nftables table, family {@code inet} (product {@code jcompose})
 * @param stateDir       where {@code network-state.json} (networks and address leases) is kept
 * @param netnsDir       where container namespaces are bind-mounted (product {@code /run/jcompose/netns})
 * @param pools          default address pools, in order of preference
 * @param host           the namespace that is "the host" (the agent's own in the product)
 * @param manageForwarding whether to turn on IPv4 (and, with an IPv6 network, IPv6) forwarding in
 *                       the host namespace when a network is created, as Docker does
 * @param forwardMark    the single packet-mark bit used to let our traffic through foreign
 *                       forward chains that drop by default
 */
public record NetworkManagerConfig(String prefix, String table, Path stateDir, Path netnsDir, List<SubnetPool> pools,
                                   HostNamespace host, boolean manageForwarding, long forwardMark) {

    /** Bit 26: clear of the bits netavark (0x2000), kube-proxy (0x4000, 0x8000) and Calico (high 16) use. */
    public static final long DEFAULT_FORWARD_MARK = 0x0400_0000L;

    public NetworkManagerConfig {
        new InterfaceNames(prefix);
        Objects.requireNonNull(table, "table");
        if (table.isEmpty() || !table.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
            throw NetworkException.invalid("nftables table name '" + table + "' is not usable", "use letters, digits, '_' and '-'");
        }
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(netnsDir, "netnsDir");
        pools = List.copyOf(pools);
        Objects.requireNonNull(host, "host");
        if (Long.bitCount(forwardMark) != 1 || forwardMark > 0xffff_ffffL) {
            throw NetworkException.invalid("forward mark " + Long.toHexString(forwardMark) + " is not a single bit",
                    "use one bit of the 32-bit packet mark, for example 0x04000000");
        }
    }

    /** The product's settings. */
    public static NetworkManagerConfig defaults() {
        return new NetworkManagerConfig("jc", "jcompose", Path.of("/var/lib/jcompose/network"),
                Path.of("/run/jcompose/netns"), SubnetPool.defaults(), HostNamespace.current(), true, DEFAULT_FORWARD_MARK);
    }

    public NetworkManagerConfig withPrefix(String p) {
        return new NetworkManagerConfig(p, table, stateDir, netnsDir, pools, host, manageForwarding, forwardMark);
    }

    public NetworkManagerConfig withTable(String t) {
        return new NetworkManagerConfig(prefix, t, stateDir, netnsDir, pools, host, manageForwarding, forwardMark);
    }

    public NetworkManagerConfig withStateDir(Path dir) {
        return new NetworkManagerConfig(prefix, table, dir, netnsDir, pools, host, manageForwarding, forwardMark);
    }

    public NetworkManagerConfig withNetnsDir(Path dir) {
        return new NetworkManagerConfig(prefix, table, stateDir, dir, pools, host, manageForwarding, forwardMark);
    }

    public NetworkManagerConfig withPools(List<SubnetPool> p) {
        return new NetworkManagerConfig(prefix, table, stateDir, netnsDir, p, host, manageForwarding, forwardMark);
    }

    public NetworkManagerConfig withHost(HostNamespace h) {
        return new NetworkManagerConfig(prefix, table, stateDir, netnsDir, pools, h, manageForwarding, forwardMark);
    }

    public NetworkManagerConfig withManageForwarding(boolean manage) {
        return new NetworkManagerConfig(prefix, table, stateDir, netnsDir, pools, host, manage, forwardMark);
    }
}
