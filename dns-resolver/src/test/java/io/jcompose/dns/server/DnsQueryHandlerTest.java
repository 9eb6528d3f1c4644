package io.jcompose.dns.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.dns.forward.ForwardPolicy;
import io.jcompose.dns.forward.Forwarder;
import io.jcompose.dns.testing.QueryBytes;
import io.jcompose.dns.testing.Reply;
import io.jcompose.dns.testing.SampleProject;
import io.jcompose.dns.view.DnsView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The handler in an {@link EmbeddedChannel}: queries encoded by Netty's DNS codec in, responses decoded by it out. */
class DnsQueryHandlerTest {
    private static final SampleProject SHOP = SampleProject.tenNet();
    private static final InetSocketAddress SERVER = new InetSocketAddress("10.10.1.1", 53);
    private static EventLoopGroup group;
    private static Forwarder forwarder;

    @BeforeAll
    static void startForwarder() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        forwarder = Forwarder.start(group, ForwardPolicy.DEFAULT).join();
    }

    @AfterAll
    static void stopForwarder() {
        forwarder.close().join();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void nettyEncodedQueriesGetAnswers() {
        EmbeddedChannel channel = channel(SHOP.view(List.of()));
        channel.writeInbound(nettyQuery(0x0a0a, "web.", DnsRecordType.A, "10.10.1.12"));
        Reply reply = response(channel);
        assertThat(reply.id()).isEqualTo(0x0a0a);
        assertThat(reply.answers()).containsExactlyInAnyOrder("10.10.1.11", "10.10.1.12", "10.10.1.13");
        assertThat(reply.authoritative()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void theAnswerGoesBackToTheSender() {
        EmbeddedChannel channel = channel(SHOP.view(List.of()));
        channel.writeInbound(nettyQuery(1, "db.", DnsRecordType.A, "10.10.2.21"));
        DatagramPacket packet = channel.readOutbound();
        assertThat(packet.recipient()).isEqualTo(new InetSocketAddress("10.10.2.21", 40000));
        packet.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void aSwappedViewAnswersTheNextQuery() {
        AtomicReference<DnsView> view = new AtomicReference<>(DnsView.empty());
        EmbeddedChannel channel = new EmbeddedChannel(new DnsQueryHandler(view::get, forwarder));
        channel.writeInbound(nettyQuery(1, "web.", DnsRecordType.A, "10.10.1.12"));
        assertThat(response(channel).code()).as("a stranger to the empty view").isEqualTo(5);
        view.set(SHOP.view(List.of()));
        channel.writeInbound(nettyQuery(2, "web.", DnsRecordType.A, "10.10.1.12"));
        assertThat(response(channel).answers()).hasSize(3);
        channel.finishAndReleaseAll();
    }

    @Test
    void malformedPacketsAreAnsweredOrDroppedNeverThrown() {
        EmbeddedChannel channel = channel(SHOP.view(List.of()));
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] garbage = new byte[random.nextInt(64)];
            random.nextBytes(garbage);
            channel.writeInbound(packet(garbage, "10.10.1.12"));
            for (Object out; (out = channel.readOutbound()) != null; ) {
                ((DatagramPacket) out).release();
            }
        }
        channel.checkException();
        assertThat(channel.isOpen()).isTrue();
        channel.writeInbound(packet(QueryBytes.query(99, "web", 1, 0), "10.10.1.12"));
        assertThat(response(channel).answers()).hasSize(3);
        channel.finishAndReleaseAll();
    }

    @Test
    void aQueryWithoutAQuestionGetsFormerrWithItsId() {
        EmbeddedChannel channel = channel(SHOP.view(List.of()));
        channel.writeInbound(packet(QueryBytes.start().header(0x7777, 0x0100, 0, 0, 0, 0).bytes(), "10.10.1.12"));
        Reply reply = response(channel);
        assertThat(reply.id()).isEqualTo(0x7777);
        assertThat(reply.code()).isEqualTo(1);
        channel.finishAndReleaseAll();
    }

    @Test
    void responsesAreNotAnswered() {
        EmbeddedChannel channel = channel(SHOP.view(List.of()));
        channel.writeInbound(packet(QueryBytes.start().header(1, 0x8180, 1, 0, 0, 0).name("web").u16(1).u16(1).bytes(),
                "10.10.1.12"));
        Object response = channel.readOutbound();
        assertThat(response).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void unknownEdnsVersionsGetBadvers() {
        EmbeddedChannel channel = channel(SHOP.view(List.of()));
        channel.writeInbound(packet(QueryBytes.start().header(3, 0x0100, 1, 0, 0, 1).name("web").u16(1).u16(1)
                .opt(1232, 1, false).bytes(), "10.10.1.12"));
        Reply reply = response(channel);
        assertThat(reply.answers()).isEmpty();
        assertThat(reply.hasOpt()).isTrue();
        assertThat(reply.bytes()[reply.size() - 11 + 5]).as("extended RCODE of BADVERS").isEqualTo((byte) 1);
        channel.finishAndReleaseAll();
    }

    private static EmbeddedChannel channel(DnsView view) {
        return new EmbeddedChannel(new DnsQueryHandler(() -> view, forwarder));
    }

    private static DatagramPacket nettyQuery(int id, String name, DnsRecordType type, String client) {
        EmbeddedChannel encoder = new EmbeddedChannel(new DatagramDnsQueryEncoder());
        DatagramDnsQuery query = new DatagramDnsQuery(new InetSocketAddress(client, 40000), SERVER, id);
        query.setRecursionDesired(true);
        query.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(name, type));
        encoder.writeOutbound(query);
        DatagramPacket encoded = encoder.readOutbound();
        encoder.finishAndReleaseAll();
        // The encoder addresses the packet to the server; inbound, the sender must be the client.
        return new DatagramPacket(encoded.content(), SERVER, new InetSocketAddress(client, 40000));
    }

    private static DatagramPacket packet(byte[] bytes, String client) {
        return new DatagramPacket(Unpooled.wrappedBuffer(bytes), SERVER, new InetSocketAddress(client, 40000));
    }

    private static Reply response(EmbeddedChannel channel) {
        DatagramPacket packet = channel.readOutbound();
        assertThat(packet).as("a response").isNotNull();
        try {
            ByteBuf content = packet.content();
            return Reply.decode(ByteBufUtil.getBytes(content));
        } finally {
            packet.release();
        }
    }
}
