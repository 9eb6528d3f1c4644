package io.jcompose.network;

import io.jcompose.network.address.IpAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code ports:} entry in long form. {@code hostIp} empty means every address of the host
 * (IPv4, and IPv6 when the container has an IPv6 address). {@code hostPorts} empty means ephemeral
 * ports chosen by the kernel and reported back. A host range as long as the container range maps
 * port to port; a host range with a single container port publishes the first free port of it.
 */
public record PortMapping(Protocol protocol, Optional<IpAddress> hostIp, Optional<PortRange> hostPorts,
                          PortRange containerPorts) {

    public PortMapping {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(hostIp, "hostIp");
        Objects.requireNonNull(hostPorts, "hostPorts");
        Objects.requireNonNull(containerPorts, "containerPorts");
        hostPorts.ifPresent(h -> {
            if (h.size() != containerPorts.size() && containerPorts.size() != 1) {
                throw NetworkException.invalid("host port range " + h + " and container port range " + containerPorts
                        + " differ in length", "give both ranges the same number of ports");
            }
        });
    }

    public static PortMapping tcp(int hostPort, int containerPort) {
        return new PortMapping(Protocol.TCP, Optional.empty(), Optional.of(PortRange.of(hostPort)), PortRange.of(containerPort));
    }

    public static PortMapping ephemeral(Protocol protocol, int containerPort) {
        return new PortMapping(protocol, Optional.empty(), Optional.empty(), PortRange.of(containerPort));
    }

    public PortMapping withHostIp(IpAddress ip) {
        return new PortMapping(protocol, Optional.of(ip), hostPorts, containerPorts);
    }

    public PortMapping withProtocol(Protocol p) {
        return new PortMapping(p, hostIp, hostPorts, containerPorts);
    }

    @Override
    public String toString() {
        return hostIp.map(ip -> (ip.isV4() ? ip.toString() : "[" + ip + "]") + ":").orElse("")
                + hostPorts.map(PortRange::toString).orElse("") + ":" + containerPorts + "/" + protocol.lower();
    }
}
