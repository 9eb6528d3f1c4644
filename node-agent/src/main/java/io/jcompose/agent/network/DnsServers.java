package io.jcompose.agent.network;

import io.jcompose.dns.server.DnsServer;
import io.jcompose.dns.server.DnsServerOptions;
import io.jcompose.dns.view.DnsView;
import io.jcompose.network.Network;
import io.jcompose.network.address.IpFamily;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One DNS server per user-defined network, on the network's gateway (IPv4 when it has one), UDP and
 * TCP port 53, all on one pair of event loops. Every server holds the same view: a client's source
 * address decides what it may see. A server that cannot bind is reported and left out; the
 * network still works by address.
 */
final class DnsServers implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DnsServers.class.getName());

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final Map<String, DnsServer> servers = new HashMap<>();
    /**
     * The closes of removed networks' servers, still going: a removal need not wait for Netty to close the sockets
     * and the forwarder (a few ms, at the end of every {@code down}), but a server started later may want the same
     * address, so starting one waits for them.
     */
    private final List<CompletableFuture<Void>> closing = new ArrayList<>();

    /** Starts servers for new networks, closes those of removed ones, and swaps every server to {@code view}. */
    synchronized void apply(List<Network> networks, DnsView view) {
        Set<String> wanted = networks.stream().map(n -> n.name().value()).collect(Collectors.toSet());
        servers.keySet().removeIf(name -> {
            if (wanted.contains(name)) {
                return false;
            }
            closing.add(servers.get(name).closeAsync());
            return true;
        });
        closing.removeIf(CompletableFuture::isDone);
        for (Network n : networks) {
            if (!servers.containsKey(n.name().value())) {
                awaitClosing();
                bindAddress(n).ifPresent(address -> start(n, address, view));
            }
        }
        servers.values().forEach(s -> s.update(view));
    }

    synchronized Optional<InetSocketAddress> address(String network) {
        return Optional.ofNullable(servers.get(network)).map(DnsServer::localAddress);
    }

    private void awaitClosing() {
        for (CompletableFuture<Void> c : closing) {
            try {
                c.join();
            } catch (CompletionException e) {
                LOG.log(System.Logger.Level.WARNING, "a DNS server did not close cleanly: "
                        + (e.getCause() == null ? e : e.getCause()).getMessage());
            }
        }
        closing.clear();
    }

    static Optional<InetSocketAddress> bindAddress(Network n) {
        return n.pool(IpFamily.V4).or(() -> n.subnets().stream().findFirst())
                .map(p -> new InetSocketAddress(p.gateway().toInetAddress(), DnsViews.DNS_PORT));
    }

    private void start(Network n, InetSocketAddress address, DnsView view) {
        try {
            servers.put(n.name().value(), DnsServer.start(address, view, DnsServerOptions.DEFAULT.withGroup(group)).join());
        } catch (CompletionException e) {
            LOG.log(System.Logger.Level.WARNING, "no DNS on network " + n.name() + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage());
        }
    }

    @Override
    public synchronized void close() {
        awaitClosing();
        servers.values().forEach(DnsServer::close);
        servers.clear();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
