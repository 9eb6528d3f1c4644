package io.jcompose.network.port;

import io.jcompose.network.Protocol;
import io.jcompose.network.address.IpAddress;
import java.util.List;
import java.util.Optional;

/**
 * One host port to reserve and forward: {@code candidates} are the acceptable host ports in order
 * (empty for an ephemeral port), {@code targets} the container addresses it forwards to (one per
 * family the host address covers). {@code source} is the mapping as the user wrote it, for errors.
 */
public record Binding(Protocol protocol, Optional<IpAddress> hostIp, List<Integer> candidates, int containerPort,
                      List<IpAddress> targets, String source) {

    public Binding {
        candidates = List.copyOf(candidates);
        targets = List.copyOf(targets);
    }

    public boolean ephemeral() {
        return candidates.isEmpty();
    }

    public String hostText(int port) {
        String ip = hostIp.map(a -> a.isV4() ? a.toString() : "[" + a + "]").orElse("0.0.0.0");
        return ip + ":" + port + "/" + protocol.lower();
    }
}
