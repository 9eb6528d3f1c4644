package io.jcompose.dns.server;

import io.jcompose.dns.forward.Forwarder;
import io.jcompose.dns.view.DnsView;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The DNS server of one network: UDP and TCP on one address and port (in the product, the
 * network's gateway address, port 53), answering from a {@link DnsView} it is handed and replaces
 * whole, forwarding the rest upstream.
 *
 * <p>Lifecycle: {@link #start} binds both sockets and completes its future once they are bound —
 * ready to answer, nothing to wait or poll for — or fails it naming the address and the cause.
 * {@link #update} swaps the view atomically: a query in progress finishes with the view it
 * started with, the next one sees the new view, none is lost. A view that fails to build never
 * reaches the server, so the old one keeps serving. {@link #close} unbinds and, if the server made
 * its own event loops, stops them.
 *
 * <pre>{@code
 * DnsView view = DnsView.builder()
 *         .network(NetworkRecord.of("shop_default", "172.30.1.0/24", "172.30.1.1")
 *                 .withUpstreams(List.of(new InetSocketAddress("192.0.2.53", 53))))
 *         .container(ContainerRecord.of("shop-db-1", "db", Attachment.of("shop_default", "172.30.1.2")))
 *         .build();
 * DnsServer server = DnsServer.start(new InetSocketAddress("172.30.1.1", 53), view).join();
 * // a container at 172.30.1.3 whose /etc/resolv.conf says "nameserver 172.30.1.1" now resolves "db"
 *
 * DnsView scaled = DnsView.builder()
 *         .network(view.networks().getFirst())
 *         .container(ContainerRecord.of("shop-db-1", "db", Attachment.of("shop_default", "172.30.1.2")))
 *         .container(ContainerRecord.of("shop-db-2", "db", Attachment.of("shop_default", "172.30.1.4")))
 *         .build();
 * server.update(scaled);     // "db" now gives both replicas
 * server.close();
 * }</pre>
 */
public final class DnsServer implements AutoCloseable {
    private static final int PORT_ATTEMPTS = 8;
    private static final int UDP_RECEIVE_BUFFER = 4 << 20;

    private final AtomicReference<DnsView> view;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final Forwarder forwarder;
    private final DnsQueryHandler handler;
    private final TcpConnectionLimit connectionLimit;
    private final ChannelGroup channels;
    private final InetSocketAddress localAddress;

    private DnsServer(AtomicReference<DnsView> view, EventLoopGroup group, boolean ownsGroup, Forwarder forwarder,
                      DnsQueryHandler handler, TcpConnectionLimit connectionLimit, ChannelGroup channels,
                      InetSocketAddress localAddress) {
        this.view = view;
        this.group = group;
        this.ownsGroup = ownsGroup;
        this.forwarder = forwarder;
        this.handler = handler;
        this.connectionLimit = connectionLimit;
        this.channels = channels;
        this.localAddress = localAddress;
    }

    /** {@link #start(InetSocketAddress, DnsView, DnsServerOptions)} with {@link DnsServerOptions#DEFAULT}. */
    public static CompletableFuture<DnsServer> start(InetSocketAddress bind, DnsView initial) {
        return start(bind, initial, DnsServerOptions.DEFAULT);
    }

    /**
     * Binds UDP and TCP on {@code bind}. Port 0 picks a port free for both protocols (for tests).
     * The future completes with the running server, or fails with an {@link IllegalStateException}
     * that names the address, the protocol and the cause (typically: the port is taken).
     */
    public static CompletableFuture<DnsServer> start(InetSocketAddress bind, DnsView initial,
                                                     DnsServerOptions options) {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(initial, "initial");
        boolean ownsGroup = options.group() == null;
        EventLoopGroup group = ownsGroup
                ? new MultiThreadIoEventLoopGroup(options.threads(), NioIoHandler.newFactory())
                : options.group();
        AtomicReference<DnsView> view = new AtomicReference<>(initial);
        ChannelGroup channels = new DefaultChannelGroup("dns " + bind, GlobalEventExecutor.INSTANCE);
        TcpConnectionLimit connectionLimit = new TcpConnectionLimit(options.maxConnections());
        CompletableFuture<DnsServer> result = Forwarder.start(group, options.forward()).thenCompose(forwarder -> {
            DnsQueryHandler handler = new DnsQueryHandler(view::get, forwarder);
            DnsServerInitializer initializer = new DnsServerInitializer(handler, connectionLimit, options.tcpIdle(),
                    channels);
            return bindBoth(group, initializer, bind, options.threads(), channels, PORT_ATTEMPTS).thenApply(address -> {
                forwarder.excludeUpstreams(Set.of(address));
                return new DnsServer(view, group, ownsGroup, forwarder, handler, connectionLimit, channels, address);
            }).whenComplete((server, error) -> {
                if (error != null) {
                    forwarder.close();
                }
            });
        });
        return result.whenComplete((server, error) -> {
            if (error != null) {
                channels.close();
                if (ownsGroup) {
                    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                }
            }
        });
    }

    /** Serves {@code next} from the next query on. */
    public void update(DnsView next) {
        view.set(Objects.requireNonNull(next, "view"));
    }

    public DnsView view() {
        return view.get();
    }

    /** The bound address, with the real port when {@code start} was given port 0. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    public DnsServerStats stats() {
        return new DnsServerStats(handler.queries(), handler.dropped(), handler.rejected(), forwarder.forwardedCount(),
                forwarder.overloadedCount(), forwarder.failedCount(), connectionLimit.open());
    }

    /** Unbinds, ends TCP connections and pending forwards, and stops the server's own event loops. */
    public CompletableFuture<Void> closeAsync() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        channels.close().addListener(f -> forwarder.close().whenComplete((ignored, error) -> {
            if (ownsGroup) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).addListener(g -> closed.complete(null));
            } else {
                closed.complete(null);
            }
        }));
        return closed;
    }

    @Override
    public void close() {
        closeAsync().join();
    }

    /** Binds UDP (one socket per loop, sharing the port) then TCP on the same port; retries a free port on a clash. */
    private static CompletableFuture<InetSocketAddress> bindBoth(EventLoopGroup group, DnsServerInitializer initializer,
                                                                 InetSocketAddress bind, int udpSockets,
                                                                 ChannelGroup channels, int attemptsLeft) {
        List<Channel> opened = new ArrayList<>();
        return bindUdp(group, initializer, bind, udpSockets, opened)
                .thenCompose(port -> completable(new ServerBootstrap().group(group)
                        .channel(NioServerSocketChannel.class)
                        .option(ChannelOption.SO_REUSEADDR, true)
                        .childHandler(initializer)
                        .bind(new InetSocketAddress(bind.getAddress(), port)), "TCP", bind))
                .thenApply(tcp -> {
                    opened.add(tcp);
                    channels.addAll(opened);
                    return new InetSocketAddress(bind.getAddress(), ((InetSocketAddress) tcp.localAddress()).getPort());
                })
                .exceptionallyCompose(error -> {
                    opened.forEach(Channel::close);
                    if (bind.getPort() == 0 && attemptsLeft > 1) {
                        return bindBoth(group, initializer, bind, udpSockets, channels, attemptsLeft - 1);
                    }
                    return CompletableFuture.failedFuture(
                            error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
                });
    }

    private static CompletableFuture<Integer> bindUdp(EventLoopGroup group, DnsServerInitializer initializer,
                                                      InetSocketAddress bind, int sockets, List<Channel> opened) {
        // A bigger receive buffer rides out bursts; the kernel caps it at net.core.rmem_max.
        Bootstrap udp = new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(initializer)
                .option(ChannelOption.SO_RCVBUF, UDP_RECEIVE_BUFFER);
        if (sockets > 1) {
            udp.option(NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT), true);
        }
        CompletableFuture<Integer> port = completable(udp.bind(bind), "UDP", bind).thenApply(first -> {
            opened.add(first);
            return ((InetSocketAddress) first.localAddress()).getPort();
        });
        for (int i = 1; i < sockets; i++) {
            port = port.thenCompose(p -> completable(udp.bind(new InetSocketAddress(bind.getAddress(), p)), "UDP", bind)
                    .thenApply(channel -> {
                        opened.add(channel);
                        return p;
                    }));
        }
        return port;
    }

    private static CompletableFuture<Channel> completable(ChannelFuture future, String protocol,
                                                          InetSocketAddress bind) {
        CompletableFuture<Channel> result = new CompletableFuture<>();
        future.addListener((Future<? super Void> f) -> {
            if (f.isSuccess()) {
                result.complete(future.channel());
            } else {
                result.completeExceptionally(new IllegalStateException("failed to bind DNS " + protocol + " on "
                        + bind.getAddress().getHostAddress() + ":" + bind.getPort() + ": " + f.cause().getMessage(),
                        f.cause()));
            }
        });
        return result;
    }
}
