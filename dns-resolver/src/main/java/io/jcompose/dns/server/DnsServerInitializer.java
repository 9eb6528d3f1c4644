package io.jcompose.dns.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The pipelines of a DNS server, and nothing else. A UDP socket hands each packet straight to the
 * {@link DnsQueryHandler}. A TCP connection first passes the connection cap and an idle timer, then
 * cuts the stream into messages by their 2-byte length (RFC 1035 4.2.2; several per connection,
 * RFC 7766) and prefixes the answers the same way. A frame cut short just waits for more bytes or
 * for the connection to end: a partial message followed by a reset costs nothing (unlike
 * CVE-2026-35406), and a slow client only holds its own connection.
 */
final class DnsServerInitializer extends ChannelInitializer<Channel> {
    private final DnsQueryHandler handler;
    private final TcpConnectionLimit connectionLimit;
    private final Duration tcpIdle;
    private final ChannelGroup connections;

    DnsServerInitializer(DnsQueryHandler handler, TcpConnectionLimit connectionLimit, Duration tcpIdle,
                         ChannelGroup connections) {
        this.handler = handler;
        this.connectionLimit = connectionLimit;
        this.tcpIdle = tcpIdle;
        this.connections = connections;
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (channel instanceof DatagramChannel) {
            pipeline.addLast(handler);
            return;
        }
        connections.add(channel);
        pipeline.addLast(connectionLimit,
                new IdleStateHandler(0, 0, tcpIdle.toMillis(), TimeUnit.MILLISECONDS),
                new LengthFieldBasedFrameDecoder(65535, 0, 2, 0, 2),
                new LengthFieldPrepender(2),
                handler);
    }
}
