package io.jcompose.network;

import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.MacAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a service's {@code networks:}. Interfaces are named {@code eth0, eth1, …} by
 * descending {@code priority}, ties by network name (compose-go's order); the default route goes
 * through the non-internal network with the highest {@code gwPriority}, ties by network name
 * (Docker Engine 28's rule). Aliases are kept for the DNS.
 */
public record EndpointSpec(NetworkName network, int priority, int gwPriority, Optional<IpAddress> ipv4Address,
                           Optional<IpAddress> ipv6Address, Optional<MacAddress> macAddress, List<String> aliases) {

    public EndpointSpec {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(ipv4Address, "ipv4Address");
        Objects.requireNonNull(ipv6Address, "ipv6Address");
        Objects.requireNonNull(macAddress, "macAddress");
        aliases = List.copyOf(aliases);
        ipv4Address.ifPresent(a -> {
            if (!a.isV4()) {
                throw NetworkException.invalid("ipv4_address " + a + " on network " + network + " is not an IPv4 address",
                        "put IPv6 addresses under ipv6_address");
            }
        });
        ipv6Address.ifPresent(a -> {
            if (a.isV4()) {
                throw NetworkException.invalid("ipv6_address " + a + " on network " + network + " is not an IPv6 address",
                        "put IPv4 addresses under ipv4_address");
            }
        });
    }

    public static EndpointSpec of(NetworkName network) {
        return new EndpointSpec(network, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public static EndpointSpec of(String network) {
        return of(NetworkName.of(network));
    }

    public EndpointSpec withPriority(int p) {
        return new EndpointSpec(network, p, gwPriority, ipv4Address, ipv6Address, macAddress, aliases);
    }

    public EndpointSpec withGwPriority(int p) {
        return new EndpointSpec(network, priority, p, ipv4Address, ipv6Address, macAddress, aliases);
    }

    public EndpointSpec withIpv4Address(IpAddress a) {
        return new EndpointSpec(network, priority, gwPriority, Optional.of(a), ipv6Address, macAddress, aliases);
    }

    public EndpointSpec withIpv6Address(IpAddress a) {
        return new EndpointSpec(network, priority, gwPriority, ipv4Address, Optional.of(a), macAddress, aliases);
    }

    public EndpointSpec withMacAddress(MacAddress mac) {
        return new EndpointSpec(network, priority, gwPriority, ipv4Address, ipv6Address, Optional.of(mac), aliases);
    }

    public EndpointSpec withAliases(List<String> names) {
        return new EndpointSpec(network, priority, gwPriority, ipv4Address, ipv6Address, macAddress, names);
    }
}
