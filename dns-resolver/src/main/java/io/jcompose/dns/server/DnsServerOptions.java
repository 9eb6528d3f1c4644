package io.jcompose.dns.server;

import io.jcompose.dns.forward.ForwardPolicy;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;

/**
 * How a {@link DnsServer} runs.
 *
 * @param group          the event loops to run on, shared by several servers (one per network); null to
 *                       give the server its own group of {@code threads} loops, closed with it
 * @param threads        loops of the server's own group; also the number of UDP sockets bound to the
 *                       address (SO_REUSEPORT), so that the kernel spreads clients over the loops
 * @param forward        upstream forwarding limits
 * @param tcpIdle        a TCP connection with no traffic either way for this long is closed
 * @param maxConnections TCP connections open at once; a connection beyond it is closed at once
 */
public record DnsServerOptions(EventLoopGroup group, int threads, ForwardPolicy forward, Duration tcpIdle,
                               int maxConnections) {
    public static final DnsServerOptions DEFAULT =
            new DnsServerOptions(null, 2, ForwardPolicy.DEFAULT, Duration.ofSeconds(10), 256);

    public DnsServerOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("a DNS server needs at least one thread, got " + threads);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
    }

    public DnsServerOptions withGroup(EventLoopGroup value) {
        return new DnsServerOptions(value, threads, forward, tcpIdle, maxConnections);
    }

    public DnsServerOptions withThreads(int value) {
        return new DnsServerOptions(group, value, forward, tcpIdle, maxConnections);
    }

    public DnsServerOptions withForward(ForwardPolicy value) {
        return new DnsServerOptions(group, threads, value, tcpIdle, maxConnections);
    }

    public DnsServerOptions withTcpIdle(Duration value) {
        return new DnsServerOptions(group, threads, forward, value, maxConnections);
    }

    public DnsServerOptions withMaxConnections(int value) {
        return new DnsServerOptions(group, threads, forward, tcpIdle, value);
    }
}
