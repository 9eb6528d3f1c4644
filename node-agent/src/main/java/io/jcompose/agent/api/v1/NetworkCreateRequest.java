package io.jcompose.agent.api.v1;

import java.util.List;
import java.util.Map;

/**
 * A user-defined network to create, compose's {@code networks.NAME} entry with its full name.
 *
 * @param driver     {@code bridge} (the default, and the only driver there is)
 * @param internal   no route out of the network, no masquerade, no upstream DNS
 * @param driverOpts Docker's bridge options; the MTU and masquerade options are acted on, others reported back
 * @param ipam       explicit subnets; empty for one from the default pools
 */
public record NetworkCreateRequest(String name, Map<String, String> labels, String driver, Boolean internal,
                                   Boolean enableIpv6, Map<String, String> driverOpts, List<IpamBody> ipam) {

    /** One {@code ipam.config} entry; every field but {@code subnet} may be null. */
    public record IpamBody(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {
    }
}
