package io.jcompose.agent.api.v1;

import java.util.List;
import java.util.Map;

/**
 * A network as the agent reports it.
 *
 * @param id         stable id of the network (hex)
 * @param bridge     its Linux bridge on the host
 * @param subnets    its subnets with their gateways (the gateway also answers DNS on port 53)
 * @param containers names of the containers attached to it now
 */
public record NetworkView(String name, String id, String bridge, Map<String, String> labels, boolean internal,
                          boolean enableIpv6, List<SubnetView> subnets, List<String> containers) {

    /** One subnet of a network. */
    public record SubnetView(String subnet, String gateway) {
    }
}
