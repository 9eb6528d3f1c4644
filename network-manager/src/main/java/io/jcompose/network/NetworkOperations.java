package io.jcompose.network;

import io.jcompose.network.address.IpFamily;
import io.jcompose.network.address.Subnet;
import io.jcompose.network.ipam.AddressSpace;
import io.jcompose.network.ipam.PoolPlanner;
import io.jcompose.network.state.ManagerState;
import io.jcompose.network.state.NetworkState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Creating and removing networks, for {@link NetworkManager} (which serialises the calls). */
final class NetworkOperations {

    private final NetworkManagerConfig config;
    private final HostTools tools;
    private final StateCell cell;

    NetworkOperations(NetworkManagerConfig config, HostTools tools, StateCell cell) {
        this.config = config;
        this.tools = tools;
        this.cell = cell;
    }

    /**
     * Creates the network: subnets from {@code ipam.config} or the default pools, its bridge with
     * the gateway addresses, its rules. For an {@code external} spec nothing is created: the
     * network must exist already and is returned.
     */
    Network create(NetworkSpec spec) {
        Optional<NetworkState> existing = cell.get().network(spec.name());
        if (spec.external()) {
            return existing.map(NetworkState::toNetwork).orElseThrow(() -> NetworkException.notFound(
                    "network " + spec.name() + " is declared as external but does not exist",
                    "create it first (jcompose network create " + spec.name() + "), or remove external: true"));
        }
        if (existing.isPresent()) {
            throw new NetworkException(NetworkException.Kind.ALREADY_EXISTS, "network " + spec.name() + " already exists");
        }
        Map<Subnet, NetworkName> taken = new HashMap<>();
        cell.get().networks().values().forEach(n -> n.spaces().forEach(s -> taken.put(s.pool().subnet(), n.name())));
        List<Subnet> routes = new ArrayList<>(tools.routes().destinations(IpFamily.V4));
        if (spec.enableIpv6()) {
            routes.addAll(tools.routes().destinations(IpFamily.V6));
        }
        List<AddressSpace> spaces = new PoolPlanner(config.pools(), taken, routes).plan(spec).stream()
                .map(AddressSpace::of).toList();
        byte[] random = new byte[32];
        tools.random().nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        Set<String> bridges = new HashSet<>();
        cell.get().networks().values().forEach(n -> bridges.add(n.bridge()));
        String bridge = tools.names().bridge(id, bridges::contains);
        NetworkState network = new NetworkState(spec.name(), id, bridge, spec.labels(), spec.internal(),
                spec.masquerade(), spec.mtu(), spec.ignoredDriverOptions(), spaces);
        ManagerState next = cell.get().withNetwork(network);

        tools.bridges().create(bridge, spec.mtu(), spaces);
        try {
            if (config.manageForwarding()) {
                tools.sysctl().set("net.ipv4.ip_forward", "1");
                if (network.space(IpFamily.V6).isPresent()) {
                    tools.sysctl().set("net.ipv6.conf.all.forwarding", "1");
                }
            }
            tools.firewall().applyWithBypass(next);
            cell.commit(next);
        } catch (RuntimeException e) {
            tools.bridges().removeQuietly(bridge);
            throw e;
        }
        return network.toNetwork();
    }

    Network ensure(NetworkSpec spec) {
        Optional<NetworkState> existing = cell.get().network(spec.name());
        if (existing.isEmpty() || spec.external()) {
            return create(spec);
        }
        Network network = existing.get().toNetwork();
        List<Subnet> wanted = spec.ipam().stream().map(IpamConfig::subnet).toList();
        List<Subnet> actual = network.subnets().stream().map(Network.Pool::subnet).toList();
        if (network.internal() != spec.internal() || !actual.containsAll(wanted)) {
            throw NetworkException.conflict("network " + spec.name() + " exists with a different configuration ("
                            + (network.internal() != spec.internal() ? "internal: " + network.internal() : "subnets " + actual) + ")",
                    "remove it (jcompose down) so that it is created again");
        }
        return network;
    }

    /**
     * Forgets the network and its leases in the state (saved before this returns) and hands back what it was, so
     * that its bridge and rules can go afterwards ({@link NetworkManager#remove}). The containers in {@code leaving}
     * — detached, their veths still going — are forgotten in the same commit. Fails while other containers are
     * attached. Whatever of the kernel's objects a crash leaves before they are gone, the next start's sweep removes:
     * links with our prefix and namespace files the state does not know, rules rendered from a state without them.
     */
    NetworkState forget(NetworkName name, Set<ContainerId> leaving) {
        NetworkState network = cell.get().network(name).orElseThrow(() -> NetworkException.notFound(
                "network " + name + " does not exist", null));
        List<String> users = cell.get().containers().values().stream()
                .filter(c -> !leaving.contains(c.id()))
                .filter(c -> c.endpoints().stream().anyMatch(e -> e.network().equals(name)))
                .map(c -> c.id().value()).toList();
        if (!users.isEmpty()) {
            throw NetworkException.conflict("network " + name + " has active endpoints: " + String.join(", ", users),
                    "detach those containers first");
        }
        ManagerState next = cell.get().withoutNetwork(name);
        for (ContainerId id : leaving) {
            next = next.withoutContainer(id);
        }
        cell.commit(next);
        leaving.forEach(tools.reservations()::release);
        return network;
    }
}
