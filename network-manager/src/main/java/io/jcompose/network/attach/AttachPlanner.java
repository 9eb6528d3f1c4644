package io.jcompose.network.attach;

import io.jcompose.network.ContainerId;
import io.jcompose.network.Endpoint;
import io.jcompose.network.EndpointSpec;
import io.jcompose.network.NetworkException;
import io.jcompose.network.NetworkName;
import io.jcompose.network.address.InterfaceAddress;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.IpFamily;
import io.jcompose.network.address.MacAddress;
import io.jcompose.network.bridge.InterfaceNames;
import io.jcompose.network.ipam.AddressSpace;
import io.jcompose.network.state.ManagerState;
import io.jcompose.network.state.NetworkState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Plans a bridge-mode attach without touching the kernel (tested as tables): interface order,
 * addresses from each network's IPAM, MAC addresses, host veth names and the default route.
 *
 * <ul>
 *   <li>Order: descending {@code priority}, then network name: {@code eth0} is the first.</li>
 *   <li>Default route: the non-internal network with the highest {@code gw_priority}, then by
 *       network name. Internal networks never carry it, so a container only on internal networks
 *       has no default route at all.</li>
 *   <li>MAC: {@code mac_address}, else {@code 02:42} + the IPv4 address (Docker's scheme), else random.</li>
 * </ul>
 */
public final class AttachPlanner {

    private static final Comparator<EndpointSpec> INTERFACE_ORDER = Comparator
            .comparingInt(EndpointSpec::priority).reversed()
            .thenComparing(EndpointSpec::network);

    private AttachPlanner() {
    }

    public static AttachPlan plan(ContainerId container, List<EndpointSpec> specs, ManagerState state,
                                  InterfaceNames names, Predicate<String> linkTaken, RandomGenerator random) {
        Set<NetworkName> seen = new HashSet<>();
        for (EndpointSpec spec : specs) {
            if (!seen.add(spec.network())) {
                throw NetworkException.invalid("container " + container + " lists network " + spec.network() + " twice",
                        "list each network once");
            }
        }
        List<EndpointSpec> ordered = specs.stream().sorted(INTERFACE_ORDER).toList();
        Optional<NetworkName> gatewayNetwork = ordered.stream()
                .filter(s -> !network(state, s.network(), container).internal())
                .min(Comparator.comparingInt(EndpointSpec::gwPriority).reversed().thenComparing(EndpointSpec::network))
                .map(EndpointSpec::network);

        ManagerState updated = state;
        Set<String> usedNames = new HashSet<>();
        List<AttachPlan.Step> steps = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            EndpointSpec spec = ordered.get(i);
            NetworkState network = network(updated, spec.network(), container);
            Optional<InterfaceAddress> v4 = Optional.empty();
            Optional<InterfaceAddress> v6 = Optional.empty();
            Optional<AddressSpace> space4 = network.space(IpFamily.V4);
            if (space4.isPresent()) {
                AddressSpace.Allocation a = space4.get().allocate(container.value(), spec.ipv4Address());
                network = network.withSpace(a.space());
                v4 = Optional.of(InterfaceAddress.in(a.space().pool().subnet(), a.address()));
            } else if (spec.ipv4Address().isPresent()) {
                throw NetworkException.invalid("ipv4_address " + spec.ipv4Address().get() + " given, but network "
                        + spec.network() + " has no IPv4 subnet", "remove ipv4_address");
            }
            Optional<AddressSpace> space6 = network.space(IpFamily.V6);
            if (space6.isPresent()) {
                AddressSpace.Allocation a = space6.get().allocate(container.value(), spec.ipv6Address());
                network = network.withSpace(a.space());
                v6 = Optional.of(InterfaceAddress.in(a.space().pool().subnet(), a.address()));
            } else if (spec.ipv6Address().isPresent()) {
                throw NetworkException.invalid("ipv6_address " + spec.ipv6Address().get() + " given, but network "
                        + spec.network() + " has no IPv6 subnet", "set enable_ipv6: true on network " + spec.network());
            }
            updated = updated.withNetwork(network);
            NetworkState withLeases = network;
            Optional<IpAddress> ipv4 = v4.map(InterfaceAddress::address);
            MacAddress mac = spec.macAddress()
                    .orElseGet(() -> ipv4.map(MacAddress::fromIpv4).orElseGet(() -> MacAddress.random(random)));
            String veth = names.veth(container.value(), withLeases.id(), n -> usedNames.contains(n) || linkTaken.test(n));
            usedNames.add(veth);
            boolean isDefault = gatewayNetwork.filter(spec.network()::equals).isPresent();
            Optional<IpAddress> gw4 = withLeases.space(IpFamily.V4).map(s -> s.pool().gateway());
            Optional<IpAddress> gw6 = withLeases.space(IpFamily.V6).map(s -> s.pool().gateway());
            Endpoint endpoint = new Endpoint(spec.network(), "eth" + i, veth, mac, v4, v6, gw4, gw6, isDefault, spec.aliases());
            steps.add(new AttachPlan.Step(endpoint, withLeases.bridge(), withLeases.mtu()));
        }
        return new AttachPlan(container, steps, updated);
    }

    private static NetworkState network(ManagerState state, NetworkName name, ContainerId container) {
        return state.network(name).orElseThrow(() -> NetworkException.notFound(
                "network " + name + " of container " + container + " does not exist",
                "create the network first (jcompose up creates the project's networks)"));
    }
}
