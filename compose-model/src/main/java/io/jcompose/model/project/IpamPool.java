package io.jcompose.model.project;

import java.util.Map;

/**
 * One {@code networks.*.ipam.config[]} pool; each part may be null.
 *
 * @param subnet       CIDR subnet
 * @param gateway      gateway address
 * @param ipRange      CIDR range containers are allocated from
 * @param auxAddresses reserved addresses by host name
 */
public record IpamPool(String subnet, String gateway, String ipRange, Map<String, String> auxAddresses) {
    public IpamPool {
        auxAddresses = Copies.map(auxAddresses);
    }
}
