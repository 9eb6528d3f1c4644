package io.jcompose.network.port;

import io.jcompose.network.host.HostNamespace;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one userland path: TCP connections to the host's IPv6 loopback. IPv4 has
 * {@code route_localnet}, which lets DNAT send 127.0.0.1 traffic to a container; IPv6 has no
 * equivalent, and the kernel drops the container's reply once conntrack turns its destination
 * back into {@code ::1} on a non-loopback device. So connections that reach the reservation socket
 * on {@code [::1]} (or on the dual-stack {@code [::]}, which DNAT leaves alone for {@code ::1}) are
 * accepted here and copied to the container, one virtual thread per direction. Everything else
 * stays kernel DNAT.
 */
public final class LoopbackRelay implements Closeable {

    private static final int BUFFER = 64 * 1024;

    private final HostNamespace host;
    private final ServerSocketChannel listener;
    private final InetSocketAddress target;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private LoopbackRelay(HostNamespace host, ServerSocketChannel listener, InetSocketAddress target) {
        this.host = host;
        this.listener = listener;
        this.target = target;
        this.acceptor = Thread.ofVirtual().name("relay-" + target).start(this::acceptLoop);
    }

    /** Starts relaying connections accepted on {@code listener} (a reservation socket) to {@code target}. */
    public static LoopbackRelay start(HostNamespace host, ServerSocketChannel listener, InetSocketAddress target) {
        return new LoopbackRelay(host, listener, target);
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            SocketChannel client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            open.add(client);
            Thread.ofVirtual().start(() -> relay(client));
        }
    }

    private void relay(SocketChannel client) {
        SocketChannel upstream = null;
        try {
            // the upstream socket must be made in the host namespace, where the bridge is
            upstream = host.call(() -> SocketChannel.open(target));
            open.add(upstream);
            SocketChannel up = upstream;
            Thread back = Thread.ofVirtual().start(() -> copy(up, client));
            copy(client, upstream);
            back.join();
        } catch (RuntimeException | InterruptedException e) {
            // the container is not listening or went away: the client sees the connection close
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private void copy(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        open.remove(channel);
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed by the other direction
        }
    }

    /** Stops accepting and closes every relayed connection. The listener itself belongs to the reservation. */
    @Override
    public void close() {
        acceptor.interrupt();
        for (SocketChannel c : Set.copyOf(open)) {
            closeQuietly(c);
        }
    }
}
