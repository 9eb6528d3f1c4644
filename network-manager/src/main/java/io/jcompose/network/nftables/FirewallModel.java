package io.jcompose.network.nftables;

import io.jcompose.network.PublishedPort;
import io.jcompose.network.address.Subnet;
import io.jcompose.network.state.ContainerState;
import io.jcompose.network.state.ManagerState;
import io.jcompose.network.state.NetworkState;
import io.jcompose.network.ipam.AddressSpace;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the firewall must express, derived from the manager's state and nothing else: our bridges
 * with their subnets and flags, and the published ports. {@link RulesetRenderer} turns it into one
 * nftables transaction; keeping this step separate makes the ruleset a pure function, tested as a
 * golden file.
 *
 * @param table the name of our {@code inet} table
 * @param forwardMark the packet mark bit our forward chain sets on traffic it accepts, so a
 *        foreign forward chain with a drop policy can let it through (see {@link ForwardPolicyBypass})
 */
public record FirewallModel(String table, long forwardMark, List<BridgeNetwork> networks, List<PublishedPort> ports) {

    /** One of our bridges and its subnets. */
    public record BridgeNetwork(String bridge, List<Subnet> subnets, boolean internal, boolean masquerade) {
        public BridgeNetwork {
            Objects.requireNonNull(bridge, "bridge");
            subnets = List.copyOf(subnets);
        }
    }

    public FirewallModel {
        Objects.requireNonNull(table, "table");
        if (Long.bitCount(forwardMark) != 1 || forwardMark > 0xffff_ffffL) {
            throw new IllegalArgumentException("the forward mark must be a single bit of a 32-bit mark: " + forwardMark);
        }
        networks = List.copyOf(networks);
        ports = List.copyOf(ports);
    }

    public static FirewallModel of(String table, long forwardMark, ManagerState state) {
        List<BridgeNetwork> networks = state.networks().values().stream()
                .map(FirewallModel::bridgeNetwork)
                .sorted(Comparator.comparing(BridgeNetwork::bridge))
                .toList();
        List<PublishedPort> ports = state.containers().values().stream()
                .flatMap(c -> portsOf(c).stream())
                .sorted(Comparator.comparing((PublishedPort p) -> p.protocol())
                        .thenComparingInt(PublishedPort::hostPort)
                        .thenComparing(PublishedPort::hostIp))
                .toList();
        return new FirewallModel(table, forwardMark, networks, ports);
    }

    private static BridgeNetwork bridgeNetwork(NetworkState n) {
        return new BridgeNetwork(n.bridge(), n.spaces().stream().map(AddressSpace::pool).map(p -> p.subnet()).toList(),
                n.internal(), n.masquerade());
    }

    private static List<PublishedPort> portsOf(ContainerState c) {
        return c.ports();
    }
}
