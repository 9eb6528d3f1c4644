package io.jcompose.agent.network;

import io.jcompose.agent.api.v1.ContainerSpecBody.PortBody;
import io.jcompose.agent.api.v1.NetworkBodies;
import io.jcompose.agent.api.v1.PortCheckRequest;
import io.jcompose.agent.api.v1.PortCheckResult;
import io.jcompose.agent.api.v1.PortCheckResult.PortConflictView;
import io.jcompose.network.ContainerId;
import io.jcompose.network.NetworkManager;
import io.jcompose.network.PortConflict;
import io.jcompose.network.PortMapping;
import io.jcompose.network.PortRange;
import io.jcompose.network.address.IpAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST /v1/ports/check} over the manager's read-only check: wire ports in, conflicts out, the
 * container holding a port shown by its name rather than its id.
 */
final class PortChecks {
    private PortChecks() {
    }

    static PortCheckResult check(NetworkManager manager, PortCheckRequest request, Function<ContainerId, String> names) {
        List<PortMapping> mappings = (request.ports() == null ? List.<PortBody>of()
                : request.ports()).stream().map(NetworkBodies::port).toList();
        Set<ContainerId> replacing = new HashSet<>();
        for (String id : request.replacing() == null ? List.<String>of() : request.replacing()) {
            replacing.add(AgentNetworks.translate(() -> ContainerId.of(id)));
        }
        List<PortConflict> conflicts = AgentNetworks.translate(() -> manager.checkPorts(mappings, replacing));
        return new PortCheckResult(conflicts.stream().map(c -> view(c, names)).toList());
    }

    private static PortConflictView view(PortConflict c, Function<ContainerId, String> names) {
        String problem = c.heldBy().map(id -> c.problem().replace("(container " + id + ")", "(container " + names.apply(id) + ")"))
                .orElse(c.problem());
        PortMapping m = c.mapping();
        return new PortConflictView(m.hostPorts().map(PortRange::toString).orElse(null),
                m.hostIp().map(IpAddress::toString).orElse(null), m.protocol().lower(), problem);
    }
}
