package io.jcompose.network.ipam;

import io.jcompose.network.IpamConfig;
import io.jcompose.network.Network;
import io.jcompose.network.NetworkException;
import io.jcompose.network.NetworkName;
import io.jcompose.network.NetworkSpec;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.IpFamily;
import io.jcompose.network.address.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides the subnets of a new network (a pure function, tested as a table): the ones
 * {@code ipam.config} names, otherwise one IPv4 subnet from the default pools (and one IPv6 subnet
 * when {@code enable_ipv6} is set and no IPv6 subnet is configured). The gateway defaults to the
 * first address after the network address.
 *
 * @param existing the subnets of the other networks, with their names (an overlap is an error)
 * @param hostRoutes destinations the host routes already (pool subnets avoid them)
 */
public record PoolPlanner(List<SubnetPool> pools, Map<Subnet, NetworkName> existing, List<Subnet> hostRoutes) {

    public PoolPlanner {
        pools = List.copyOf(pools);
        existing = Map.copyOf(existing);
        hostRoutes = List.copyOf(hostRoutes);
    }

    public List<Network.Pool> plan(NetworkSpec spec) {
        List<Network.Pool> out = new ArrayList<>();
        for (IpamConfig config : spec.ipam()) {
            checkSize(spec.name(), config.subnet());
            existing.forEach((subnet, owner) -> {
                if (subnet.overlaps(config.subnet())) {
                    throw NetworkException.conflict("subnet " + config.subnet() + " of network " + spec.name()
                                    + " overlaps subnet " + subnet + " of network " + owner,
                            "choose another subnet, or leave ipam.config out to get a free one");
                }
            });
            out.add(pool(config));
        }
        boolean hasV4 = out.stream().anyMatch(p -> p.subnet().family() == IpFamily.V4);
        boolean hasV6 = out.stream().anyMatch(p -> p.subnet().family() == IpFamily.V6);
        if (!hasV4) {
            out.add(pool(IpamConfig.of(fromPool(IpFamily.V4, out))));
        }
        if (spec.enableIpv6() && !hasV6) {
            out.add(pool(IpamConfig.of(fromPool(IpFamily.V6, out))));
        }
        return List.copyOf(out);
    }

    private Subnet fromPool(IpFamily family, List<Network.Pool> planned) {
        List<Subnet> taken = new ArrayList<>(existing.keySet());
        taken.addAll(hostRoutes);
        planned.forEach(p -> taken.add(p.subnet()));
        return SubnetAllocator.allocateOrFail(pools, family, taken);
    }

    private static Network.Pool pool(IpamConfig config) {
        Subnet subnet = config.subnet();
        IpAddress gateway = config.gateway().orElseGet(() -> subnet.network().plus(1));
        if (config.auxAddresses().containsValue(gateway)) {
            throw NetworkException.invalid("gateway " + gateway + " is also listed in aux_addresses",
                    "remove it from aux_addresses or choose another gateway");
        }
        return new Network.Pool(subnet, gateway, config.ipRange().orElse(subnet), config.auxAddresses());
    }

    private static void checkSize(NetworkName name, Subnet subnet) {
        int max = subnet.family() == IpFamily.V4 ? 30 : 126;
        if (subnet.prefixLength() > max) {
            throw NetworkException.invalid("subnet " + subnet + " of network " + name + " is too small",
                    "use a prefix length of at most /" + max);
        }
    }
}
