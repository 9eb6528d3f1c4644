package io.jcompose.network;

import io.jcompose.network.address.InterfaceAddress;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.MacAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One interface of an attached container: {@code interfaceName} ({@code eth0}) inside the
 * container, {@code hostInterface} its veth peer on the network's bridge.
 */
public record Endpoint(NetworkName network, String interfaceName, String hostInterface, MacAddress mac,
                       Optional<InterfaceAddress> ipv4, Optional<InterfaceAddress> ipv6,
                       Optional<IpAddress> gateway4, Optional<IpAddress> gateway6, boolean defaultRoute,
                       List<String> aliases) {

    public Endpoint {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(hostInterface, "hostInterface");
        Objects.requireNonNull(mac, "mac");
        aliases = List.copyOf(aliases);
    }
}
