package io.jcompose.dns.testing;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DefaultDnsResponse;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.handler.codec.dns.TcpDnsQueryDecoder;
import io.netty.handler.codec.dns.TcpDnsResponseEncoder;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream DNS server for tests, built on Netty's own DNS codec, on a loopback address. It
 * answers every name with A 203.0.113.1, names starting with {@code nx} with NXDOMAIN, names
 * starting with {@code big} with 100 A records, or misbehaves as told; it counts what it receives.
 */
public final class StubUpstream implements AutoCloseable {
    public enum Behaviour {
        /** Answer as described above. */
        ANSWER,
        SERVFAIL,
        REFUSED,
        /** Receive, count, never answer. */
        SILENT,
        /** Over UDP, an empty answer with TC set; over TCP, the full answer. */
        TRUNCATE_UDP
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final AtomicInteger udpQueries = new AtomicInteger();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private volatile Behaviour behaviour;
    private final Channel udp;
    private final Channel tcp;

    private StubUpstream(String address, Behaviour behaviour) throws InterruptedException {
        this.behaviour = behaviour;
        udp = new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(new UdpInitializer(this))
                .bind(new InetSocketAddress(address, 0)).sync().channel();
        int port = ((InetSocketAddress) udp.localAddress()).getPort();
        tcp = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class).childHandler(new TcpInitializer(this))
                .bind(new InetSocketAddress(address, port)).sync().channel();
    }

    public static StubUpstream start(String address, Behaviour behaviour) {
        try {
            return new StubUpstream(address, behaviour);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) udp.localAddress();
    }

    public void behave(Behaviour value) {
        behaviour = value;
    }

    public int udpQueries() {
        return udpQueries.get();
    }

    public int tcpQueries() {
        return tcpQueries.get();
    }

    public int queries() {
        return udpQueries() + tcpQueries();
    }

    @Override
    public void close() {
        udp.close().syncUninterruptibly();
        tcp.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Fills {@code response} for {@code query}; false means: send nothing. */
    private boolean answer(DnsQuery query, DnsResponse response, boolean overTcp) {
        DnsQuestion question = query.recordAt(DnsSection.QUESTION);
        response.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(question.name(), question.type()));
        response.setRecursionDesired(query.isRecursionDesired());
        response.setRecursionAvailable(true);
        String name = question.name().toLowerCase();
        switch (behaviour) {
            case SILENT -> {
                return false;
            }
            case SERVFAIL -> response.setCode(DnsResponseCode.SERVFAIL);
            case REFUSED -> response.setCode(DnsResponseCode.REFUSED);
            case TRUNCATE_UDP -> {
                if (overTcp) {
                    addresses(response, question.name(), 100);
                } else {
                    response.setTruncated(true);
                }
            }
            case ANSWER -> {
                if (name.startsWith("nx")) {
                    response.setCode(DnsResponseCode.NXDOMAIN);
                } else if (name.startsWith("big")) {
                    addresses(response, question.name(), 100);
                } else if (question.type() == DnsRecordType.A) {
                    addresses(response, question.name(), 1);
                }
            }
        }
        return true;
    }

    private static void addresses(DnsResponse response, String name, int count) {
        for (int i = 1; i <= count; i++) {
            response.addRecord(DnsSection.ANSWER, new DefaultDnsRawRecord(name, DnsRecordType.A, 60,
                    Unpooled.wrappedBuffer(new byte[] {(byte) 203, 0, 113, (byte) i})));
        }
    }

    @ChannelHandler.Sharable
    private static final class UdpHandler extends SimpleChannelInboundHandler<DatagramDnsQuery> {
        private final StubUpstream stub;

        UdpHandler(StubUpstream stub) {
            this.stub = stub;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
            stub.udpQueries.incrementAndGet();
            DatagramDnsResponse response = new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
            if (stub.answer(query, response, false)) {
                ctx.writeAndFlush(response);
            } else {
                response.release();
            }
        }
    }

    private static final class TcpHandler extends SimpleChannelInboundHandler<DnsQuery> {
        private final StubUpstream stub;

        TcpHandler(StubUpstream stub) {
            this.stub = stub;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DnsQuery query) {
            stub.tcpQueries.incrementAndGet();
            DefaultDnsResponse response = new DefaultDnsResponse(query.id());
            if (stub.answer(query, response, true)) {
                ctx.writeAndFlush(response);
            } else {
                response.release();
            }
        }
    }

    private static final class UdpInitializer extends ChannelInitializer<Channel> {
        private final StubUpstream stub;

        UdpInitializer(StubUpstream stub) {
            this.stub = stub;
        }

        @Override
        protected void initChannel(Channel channel) {
            channel.pipeline().addLast(new DatagramDnsQueryDecoder(), new DatagramDnsResponseEncoder(),
                    new UdpHandler(stub));
        }
    }

    private static final class TcpInitializer extends ChannelInitializer<Channel> {
        private final StubUpstream stub;

        TcpInitializer(StubUpstream stub) {
            this.stub = stub;
        }

        @Override
        protected void initChannel(Channel channel) {
            channel.pipeline().addLast(new TcpDnsQueryDecoder(), new TcpDnsResponseEncoder(), new TcpHandler(stub));
        }
    }
}
