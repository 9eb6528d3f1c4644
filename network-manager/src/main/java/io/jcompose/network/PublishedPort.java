package io.jcompose.network;

import io.jcompose.network.address.IpAddress;
import java.util.Objects;

/**
 * A port that is published: traffic to {@code hostIp:hostPort} (the unspecified address meaning
 * every address of that family) is forwarded by the kernel to {@code containerIp:containerPort}.
 */
public record PublishedPort(Protocol protocol, IpAddress hostIp, int hostPort, IpAddress containerIp, int containerPort) {

    public PublishedPort {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(hostIp, "hostIp");
        Objects.requireNonNull(containerIp, "containerIp");
        if (hostIp.family() != containerIp.family()) {
            throw new IllegalArgumentException("host and container address families differ: " + hostIp + ", " + containerIp);
        }
    }

    @Override
    public String toString() {
        String host = hostIp.isV4() ? hostIp.toString() : "[" + hostIp + "]";
        String container = containerIp.isV4() ? containerIp.toString() : "[" + containerIp + "]";
        return host + ":" + hostPort + "->" + container + ":" + containerPort + "/" + protocol.lower();
    }
}
