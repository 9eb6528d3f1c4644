package io.jcompose.network;

import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.Subnet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One entry of {@code ipam.config}: a subnet, and optionally its gateway, the range containers get
 * their addresses from, and named addresses that are reserved ({@code aux_addresses}).
 */
public record IpamConfig(Subnet subnet, Optional<IpAddress> gateway, Optional<Subnet> ipRange,
                         Map<String, IpAddress> auxAddresses) {

    public IpamConfig {
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(ipRange, "ipRange");
        auxAddresses = Map.copyOf(Objects.requireNonNull(auxAddresses, "auxAddresses"));
        gateway.ifPresent(g -> requireInside(subnet, g, "gateway " + g));
        ipRange.ifPresent(r -> {
            if (!subnet.contains(r)) {
                throw NetworkException.invalid("ip_range " + r + " is not inside subnet " + subnet,
                        "choose an ip_range within " + subnet);
            }
        });
        new TreeMap<>(auxAddresses).forEach((name, address) ->
                requireInside(subnet, address, "aux_addresses." + name + " " + address));
    }

    public static IpamConfig of(Subnet subnet) {
        return new IpamConfig(subnet, Optional.empty(), Optional.empty(), Map.of());
    }

    public IpamConfig withGateway(IpAddress gateway) {
        return new IpamConfig(subnet, Optional.of(gateway), ipRange, auxAddresses);
    }

    public IpamConfig withIpRange(Subnet range) {
        return new IpamConfig(subnet, gateway, Optional.of(range), auxAddresses);
    }

    public IpamConfig withAuxAddresses(Map<String, IpAddress> aux) {
        return new IpamConfig(subnet, gateway, ipRange, aux);
    }

    private static void requireInside(Subnet subnet, IpAddress address, String what) {
        if (!subnet.contains(address)) {
            throw NetworkException.invalid(what + " is not inside subnet " + subnet,
                    "choose an address within " + subnet);
        }
    }
}
