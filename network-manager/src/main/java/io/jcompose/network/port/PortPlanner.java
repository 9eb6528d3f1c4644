package io.jcompose.network.port;

import io.jcompose.network.ContainerId;
import io.jcompose.network.NetworkException;
import io.jcompose.network.PortMapping;
import io.jcompose.network.Protocol;
import io.jcompose.network.PublishedPort;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.IpFamily;
import io.jcompose.network.state.ContainerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Turns {@code ports:} mappings into {@link Binding}s and checks them against each other and
 * against the ports other containers already publish (a pure function, tested as a table). The
 * kernel is asked only afterwards, by {@link PortPublisher}.
 */
public final class PortPlanner {

    private PortPlanner() {
    }

    /**
     * @param targets the container's addresses on the network that carries its default route
     */
    public static List<Binding> plan(ContainerId container, List<IpAddress> targets, List<PortMapping> mappings) {
        if (!mappings.isEmpty() && targets.isEmpty()) {
            throw NetworkException.precondition("container " + container + " publishes ports but is on no network with a route out"
                            + " (only internal networks, or network_mode none)",
                    "attach it to a non-internal network, or drop its ports");
        }
        List<Binding> out = new ArrayList<>();
        for (PortMapping m : mappings) {
            List<IpAddress> to = m.hostIp()
                    .map(ip -> targets.stream().filter(t -> t.family() == ip.family()).toList())
                    .orElse(targets);
            if (to.isEmpty()) {
                IpAddress ip = m.hostIp().orElseThrow();
                throw NetworkException.invalid("port " + m + ": host_ip " + ip + " is "
                                + (ip.isV4() ? "IPv4" : "IPv6") + " but container " + container + " has no "
                                + (ip.isV4() ? "IPv4" : "IPv6") + " address",
                        ip.isV4() ? "use an IPv6 host_ip" : "set enable_ipv6: true on the container's network");
            }
            if (m.protocol() == Protocol.UDP && m.hostIp().filter(ip -> !ip.isV4() && ip.isLoopback()).isPresent()) {
                throw NetworkException.invalid("port " + m + ": UDP cannot be published on the IPv6 loopback address"
                                + " (the kernel cannot forward it, and only TCP is relayed)",
                        "use host_ip 127.0.0.1, or leave host_ip out");
            }
            Optional<IpAddress> hostIp = m.hostIp().filter(ip -> !ip.isUnspecified());
            if (m.hostIp().isPresent() && m.hostIp().get().isUnspecified() && m.hostIp().get().family() == IpFamily.V4) {
                // "0.0.0.0:80:80" asks for IPv4 only, as Docker reads it
                to = targets.stream().filter(IpAddress::isV4).toList();
            }
            out.addAll(bindingsOf(m, hostIp, to));
        }
        checkDuplicates(out);
        return out;
    }

    /**
     * The bindings of {@code mappings} without container addresses: what a check of the host ports
     * needs before any container exists. Addresses of the wildcard kind are left out as {@link #plan} does.
     */
    public static List<Binding> hostSide(List<PortMapping> mappings) {
        List<Binding> out = new ArrayList<>();
        for (PortMapping m : mappings) {
            out.addAll(bindingsOf(m, m.hostIp().filter(ip -> !ip.isUnspecified()), List.of()));
        }
        return out;
    }

    /** One binding per container port: a port-to-port range pairs them up, a host range with one container port offers all of it. */
    private static List<Binding> bindingsOf(PortMapping m, Optional<IpAddress> hostIp, List<IpAddress> to) {
        List<Binding> out = new ArrayList<>();
        for (int i = 0; i < m.containerPorts().size(); i++) {
            int containerPort = m.containerPorts().first() + i;
            List<Integer> candidates;
            if (m.hostPorts().isEmpty()) {
                candidates = List.of();
            } else if (m.hostPorts().get().size() == m.containerPorts().size()) {
                candidates = List.of(m.hostPorts().get().first() + i);
            } else {
                candidates = IntStream.rangeClosed(m.hostPorts().get().first(), m.hostPorts().get().last()).boxed().toList();
            }
            out.add(new Binding(m.protocol(), hostIp, candidates, containerPort, to, m.toString()));
        }
        return out;
    }

    /**
     * Removes the candidates other containers already publish; a binding left with none fails
     * naming the project and service that hold its port.
     */
    public static List<Binding> excludeTaken(List<Binding> bindings, Iterable<ContainerState> others) {
        List<Binding> out = new ArrayList<>(bindings.size());
        for (Binding b : bindings) {
            out.add(excludeTaken(b, others));
        }
        return out;
    }

    /** {@link #excludeTaken(List, Iterable)} for one binding. */
    public static Binding excludeTaken(Binding b, Iterable<ContainerState> others) {
        if (b.ephemeral()) {
            return b;
        }
        List<Integer> free = new ArrayList<>();
        ContainerState firstHolder = null;
        for (int port : b.candidates()) {
            ContainerState holder = holderOf(b, port, others);
            if (holder == null) {
                free.add(port);
            } else if (firstHolder == null) {
                firstHolder = holder;
            }
        }
        if (free.isEmpty()) {
            ContainerState h = firstHolder;
            String who = h.owner().map(o -> o + " (container " + h.id() + ")").orElse("container " + h.id());
            throw NetworkException.conflict("host port " + b.hostText(b.candidates().getFirst())
                            + " of mapping " + b.source() + " is already published by " + who,
                    "publish another host port, or stop the service that holds it");
        }
        return new Binding(b.protocol(), b.hostIp(), free, b.containerPort(), b.targets(), b.source());
    }

    static ContainerState holderOf(Binding b, int port, Iterable<ContainerState> others) {
        for (ContainerState c : others) {
            for (PublishedPort p : c.ports()) {
                if (p.protocol() == b.protocol() && p.hostPort() == port
                        && PortHolders.overlaps(p.hostIp(), b.hostIp().orElse(IpAddress.unspecified(p.hostIp().family())))) {
                    return c;
                }
            }
        }
        return null;
    }

    private static void checkDuplicates(List<Binding> bindings) {
        for (int i = 0; i < bindings.size(); i++) {
            for (int j = i + 1; j < bindings.size(); j++) {
                Binding a = bindings.get(i);
                Binding b = bindings.get(j);
                if (a.protocol() != b.protocol() || a.candidates().size() != 1 || b.candidates().size() != 1
                        || !a.candidates().equals(b.candidates())) {
                    continue;
                }
                IpAddress ia = a.hostIp().orElse(IpAddress.unspecified(IpFamily.V6));
                IpAddress ib = b.hostIp().orElse(IpAddress.unspecified(IpFamily.V6));
                if (PortHolders.overlaps(ia, ib)) {
                    throw NetworkException.invalid("host port " + a.hostText(a.candidates().getFirst())
                                    + " is published twice (" + a.source() + " and " + b.source() + ")",
                            "give each mapping its own host port");
                }
            }
        }
    }
}
