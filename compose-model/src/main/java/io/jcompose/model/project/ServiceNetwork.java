package io.jcompose.model.project;

import java.util.List;
import java.util.Map;

/**
 * How a service joins one network ({@code services.*.networks.<name>}). A network listed without options binds
 * to {@link #DEFAULTS}.
 *
 * @param aliases       extra DNS names of the service on this network
 * @param driverOpts    driver options for the endpoint
 * @param gwPriority    which network provides the default gateway (highest wins), 0 by default
 * @param interfaceName the interface name inside the container, or null
 * @param ipv4Address   a static IPv4 address, or null
 * @param ipv6Address   a static IPv6 address, or null
 * @param linkLocalIps  link-local addresses
 * @param macAddress    a MAC address for this endpoint, or null
 * @param priority      connection order (highest first), 0 by default
 */
public record ServiceNetwork(List<String> aliases, Map<String, String> driverOpts, int gwPriority,
                             String interfaceName, String ipv4Address, String ipv6Address,
                             List<String> linkLocalIps, String macAddress, int priority) {

    public static final ServiceNetwork DEFAULTS =
            new ServiceNetwork(List.of(), Map.of(), 0, null, null, null, List.of(), null, 0);

    public ServiceNetwork {
        aliases = Copies.list(aliases);
        driverOpts = Copies.map(driverOpts);
        linkLocalIps = Copies.list(linkLocalIps);
    }

    public ServiceNetwork withAliases(List<String> newAliases) {
        return new ServiceNetwork(newAliases, driverOpts, gwPriority, interfaceName, ipv4Address, ipv6Address,
                linkLocalIps, macAddress, priority);
    }
}
