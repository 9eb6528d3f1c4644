package io.jcompose.network.attach;

import io.jcompose.network.ContainerId;
import io.jcompose.network.Endpoint;
import io.jcompose.network.state.ManagerState;
import java.util.List;

/**
 * What attaching a container will make: its endpoints in interface order, each with the bridge and
 * MTU of its network, and the state with the new leases recorded (applied only when the kernel
 * side succeeded).
 */
public record AttachPlan(ContainerId container, List<Step> steps, ManagerState stateWithLeases) {

    /** One veth pair: {@code endpoint} names both ends; {@code bridge} and {@code mtu} come from its network. */
    public record Step(Endpoint endpoint, String bridge, int mtu) {
    }

    public AttachPlan {
        steps = List.copyOf(steps);
    }

    public List<Endpoint> endpoints() {
        return steps.stream().map(Step::endpoint).toList();
    }
}
