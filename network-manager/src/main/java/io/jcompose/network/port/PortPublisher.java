package io.jcompose.network.port;

import io.jcompose.network.NetworkException;
import io.jcompose.network.PublishedPort;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.port.PortReservations.Reservation;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reserves the host ports of a plan, before anything else of an attach is created. A taken port
 * fails with the name of the process that holds it; an address that is not the host's fails as an
 * invalid host_ip. On failure every reservation made so far is released.
 */
public final class PortPublisher {

    /** The reservations made and the ports they publish. */
    public record Result(List<Reservation> reservations, List<PublishedPort> ports) {
        public Result {
            reservations = List.copyOf(reservations);
            ports = List.copyOf(ports);
        }
    }

    private final PortReservations reservations;
    private final PortHolders holders;
    private final io.jcompose.network.host.HostNamespace host;

    public PortPublisher(PortReservations reservations, PortHolders holders, io.jcompose.network.host.HostNamespace host) {
        this.reservations = reservations;
        this.holders = holders;
        this.host = host;
    }

    public Result reserve(List<Binding> bindings) {
        List<Reservation> made = new ArrayList<>();
        List<PublishedPort> ports = new ArrayList<>();
        try {
            for (Binding b : bindings) {
                Reservation r = withRelay(reserveOne(b), b.targets(), b.containerPort());
                made.add(r);
                for (IpAddress target : b.targets()) {
                    IpAddress hostIp = b.hostIp().orElse(IpAddress.unspecified(target.family()));
                    ports.add(new PublishedPort(b.protocol(), hostIp, r.port(), target, b.containerPort()));
                }
            }
            return new Result(made, ports);
        } catch (RuntimeException e) {
            PortReservations.closeAll(made);
            throw e;
        }
    }

    /**
     * Reserves again the ports of a reloaded state (after an agent restart). Ports another process
     * took meanwhile are reported in {@code lost}; their DNAT rules keep working.
     */
    public List<Reservation> restore(List<PublishedPort> published, List<String> lost) {
        java.util.Map<String, List<PublishedPort>> groups = new java.util.LinkedHashMap<>();
        for (PublishedPort p : published) {
            String host = p.hostIp().isUnspecified() ? "*" : p.hostIp().toString();
            groups.computeIfAbsent(p.protocol() + " " + host + " " + p.hostPort(), k -> new ArrayList<>()).add(p);
        }
        List<Reservation> out = new ArrayList<>();
        for (List<PublishedPort> group : groups.values()) {
            PublishedPort first = group.getFirst();
            java.util.Optional<IpAddress> hostIp = first.hostIp().isUnspecified() ? java.util.Optional.empty()
                    : java.util.Optional.of(first.hostIp());
            try {
                Reservation r = reservations.reserve(first.protocol(), hostIp, first.hostPort());
                out.add(withRelay(r, group.stream().map(PublishedPort::containerIp).toList(), first.containerPort()));
            } catch (BindException e) {
                lost.add(first + ": " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * Adds the IPv6 loopback relay to a TCP reservation that can receive {@code ::1} traffic: one on
     * {@code [::1]}, or the dual-stack one of "all addresses".
     */
    private Reservation withRelay(Reservation r, List<IpAddress> targets, int containerPort) {
        if (r.protocol() != io.jcompose.network.Protocol.TCP
                || !(r.socket() instanceof java.nio.channels.ServerSocketChannel listener)) {
            return r;
        }
        boolean loopback = r.hostIp().map(ip -> !ip.isV4() && ip.isLoopback()).orElse(false);
        boolean dualStack = r.hostIp().isEmpty() && isIpv6(listener);
        if (!loopback && !dualStack) {
            return r;
        }
        IpAddress target = targets.stream().filter(t -> !t.isV4()).findFirst().orElse(targets.getFirst());
        LoopbackRelay relay = LoopbackRelay.start(host, listener,
                new java.net.InetSocketAddress(target.toInetAddress(), containerPort));
        java.io.Closeable both = () -> {
            relay.close();
            listener.close();
        };
        return new Reservation(r.protocol(), r.hostIp(), r.port(), both);
    }

    private static boolean isIpv6(java.nio.channels.ServerSocketChannel listener) {
        try {
            return ((java.net.InetSocketAddress) listener.getLocalAddress()).getAddress() instanceof java.net.Inet6Address;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private Reservation reserveOne(Binding b) {
        if (b.ephemeral()) {
            try {
                return reservations.reserve(b.protocol(), b.hostIp(), 0);
            } catch (BindException e) {
                throw unusable(b, 0, e);
            }
        }
        BindException first = null;
        for (int port : b.candidates()) {
            try {
                return reservations.reserve(b.protocol(), b.hostIp(), port);
            } catch (BindException e) {
                if (first == null) {
                    first = e;
                }
                if (!PortReservations.inUse(e)) {
                    break;
                }
            }
        }
        throw unusable(b, b.candidates().getFirst(), first);
    }

    /**
     * Whether {@code b} could be reserved now, without keeping anything: each candidate is bound and
     * released at once, until one binds. Empty when one is free; else the error {@link #reserve}
     * would throw (the holder named). An ephemeral binding is always free.
     */
    public Optional<NetworkException> probe(Binding b) {
        if (b.ephemeral()) {
            return Optional.empty();
        }
        BindException first = null;
        for (int port : b.candidates()) {
            try {
                PortReservations.closeAll(List.of(reservations.reserve(b.protocol(), b.hostIp(), port)));
                return Optional.empty();
            } catch (BindException e) {
                if (first == null) {
                    first = e;
                }
                if (!PortReservations.inUse(e)) {
                    break;
                }
            }
        }
        return Optional.of(unusable(b, b.candidates().getFirst(), first));
    }

    private NetworkException unusable(Binding b, int port, BindException e) {
        if (!PortReservations.inUse(e)) {
            return NetworkException.invalid("cannot publish " + b.source() + ": "
                            + b.hostIp().map(ip -> "host_ip " + ip + " is not an address of this host").orElse(e.getMessage()),
                    "use one of the host's addresses, or leave host_ip out to publish on all of them");
        }
        String range = b.candidates().size() > 1 ? " (and every other port of the range)" : "";
        IpAddress probe = b.hostIp().orElse(IpAddress.unspecified(io.jcompose.network.address.IpFamily.V6));
        List<PortHolder> who = holders.find(b.protocol(), probe, port);
        String holder = who.isEmpty() ? "a process that could not be identified (it may live in another network namespace)"
                : String.join(", ", who.stream().map(PortHolder::toString).toList());
        return NetworkException.conflict("host port " + b.hostText(port) + range + " of mapping " + b.source()
                + " is already in use by " + holder, "stop that process, or publish another host port");
    }

}
