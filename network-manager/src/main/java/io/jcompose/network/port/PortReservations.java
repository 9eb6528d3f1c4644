package io.jcompose.network.port;

import io.jcompose.network.ContainerId;
import io.jcompose.network.Protocol;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.host.HostNamespace;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds a socket on every published host port, as Docker does without its userland proxy. DNAT
 * rewrites the packets before any socket sees them, so the socket never receives traffic; it is
 * there so that the port is really ours: another program that binds it later fails loudly instead
 * of silently receiving nothing, and the kernel can pick free ephemeral ports for us (bind to 0).
 * "All addresses" is one dual-stack socket on {@code [::]} (falling back to {@code 0.0.0.0} on a
 * host without IPv6), which also covers IPv4.
 */
public final class PortReservations implements AutoCloseable {

    /** A bound socket and the port it holds. */
    public record Reservation(Protocol protocol, Optional<IpAddress> hostIp, int port, Closeable socket) {
    }

    /** How often, and how far apart, a taken fixed port is asked for before it counts as taken (~25 ms in all). */
    private static final int BIND_ATTEMPTS = 6;
    private static final java.time.Duration BIND_RETRY_PAUSE = java.time.Duration.ofMillis(5);

    private final HostNamespace host;
    private final Map<ContainerId, List<Reservation>> held = new HashMap<>();

    public PortReservations(HostNamespace host) {
        this.host = host;
    }

    /**
     * Binds {@code hostIp:port} ({@code port} 0 for an ephemeral one; empty {@code hostIp} for all
     * addresses).
     *
     * @throws BindException when the port is taken or the address is not one of the host's
     */
    public Reservation reserve(Protocol protocol, Optional<IpAddress> hostIp, int port) throws BindException {
        // A port we released a moment ago may still be held by a child of ours: the JDK makes sockets without
        // close-on-exec, and a process started meanwhile (an `ip`, an `nft`) holds copies of every descriptor until
        // its launcher has closed them, ~1 ms, longer on a busy host. So a taken fixed port is asked again for a
        // short while before it counts as another program's.
        for (int attempt = 1; ; attempt++) {
            try {
                return host.call(() -> bind(protocol, hostIp, port));
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof BindException b)) {
                    throw e;
                }
                if (port == 0 || attempt >= BIND_ATTEMPTS || !inUse(b)) {
                    throw b;
                }
            }
            try {
                Thread.sleep(BIND_RETRY_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BindException("interrupted while waiting for port " + port);
            }
        }
    }

    /** Whether a bind failed because the port is taken (rather than, say, an address the host does not have). */
    static boolean inUse(BindException e) {
        return e.getMessage() != null && e.getMessage().contains("in use");
    }

    private static Reservation bind(Protocol protocol, Optional<IpAddress> hostIp, int port) throws IOException {
        if (hostIp.isPresent()) {
            IpAddress ip = hostIp.get();
            ProtocolFamily family = ip.isV4() ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
            NetworkChannel channel = open(protocol, family);
            return bound(channel, protocol, hostIp, new InetSocketAddress(ip.toInetAddress(), port));
        }
        NetworkChannel channel;
        InetSocketAddress address;
        try {
            channel = open(protocol, StandardProtocolFamily.INET6);
            address = new InetSocketAddress(IpAddress.unspecified(io.jcompose.network.address.IpFamily.V6).toInetAddress(), port);
        } catch (UnsupportedOperationException | IOException noIpv6) {
            channel = open(protocol, StandardProtocolFamily.INET);
            address = new InetSocketAddress(IpAddress.unspecified(io.jcompose.network.address.IpFamily.V4).toInetAddress(), port);
        }
        return bound(channel, protocol, hostIp, address);
    }

    private static NetworkChannel open(Protocol protocol, ProtocolFamily family) throws IOException {
        return protocol == Protocol.TCP ? ServerSocketChannel.open(family) : DatagramChannel.open(family);
    }

    private static Reservation bound(NetworkChannel channel, Protocol protocol, Optional<IpAddress> hostIp,
                                     InetSocketAddress address) throws IOException {
        try {
            if (channel instanceof ServerSocketChannel server) {
                server.bind(address, 1);
            } else {
                channel.bind(address);
            }
            int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            return new Reservation(protocol, hostIp, port, channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Keeps {@code reservations} until {@link #release} for {@code container}. */
    public synchronized void keep(ContainerId container, List<Reservation> reservations) {
        held.computeIfAbsent(container, k -> new ArrayList<>()).addAll(reservations);
    }

    public synchronized void release(ContainerId container) {
        List<Reservation> gone = held.remove(container);
        if (gone != null) {
            closeAll(gone);
        }
    }

    public static void closeAll(List<Reservation> reservations) {
        for (Reservation r : reservations) {
            try {
                r.socket().close();
            } catch (IOException ignored) {
                // closing a socket we own cannot meaningfully fail
            }
        }
    }

    @Override
    public synchronized void close() {
        held.values().forEach(PortReservations::closeAll);
        held.clear();
    }
}
