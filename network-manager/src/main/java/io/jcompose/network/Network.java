package io.jcompose.network;

import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.Subnet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A network that exists: its bridge, its subnets with their gateways, and what the spec asked for.
 * {@code mtu} is 0 when the kernel default applies.
 */
public record Network(NetworkName name, String id, String bridge, Map<String, String> labels, boolean internal,
                      boolean masquerade, int mtu, List<Pool> subnets, List<String> ignoredDriverOptions) {

    public Network {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bridge, "bridge");
        labels = Map.copyOf(labels);
        subnets = List.copyOf(subnets);
        ignoredDriverOptions = List.copyOf(ignoredDriverOptions);
    }

    /** One subnet of the network: addresses are handed out from {@code range} (the subnet unless ip_range said otherwise). */
    public record Pool(Subnet subnet, IpAddress gateway, Subnet range, Map<String, IpAddress> auxAddresses) {
        public Pool {
            auxAddresses = Map.copyOf(auxAddresses);
        }
    }

    public Optional<Pool> pool(io.jcompose.network.address.IpFamily family) {
        return subnets.stream().filter(p -> p.subnet().family() == family).findFirst();
    }
}
