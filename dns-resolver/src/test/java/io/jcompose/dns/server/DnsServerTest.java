package io.jcompose.dns.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.dns.forward.ForwardPolicy;
import io.jcompose.dns.testing.QueryBytes;
import io.jcompose.dns.testing.Reply;
import io.jcompose.dns.testing.SampleProject;
import io.jcompose.dns.testing.StubUpstream;
import io.jcompose.dns.testing.StubUpstream.Behaviour;
import io.jcompose.dns.testing.TestResolver;
import io.jcompose.dns.view.Attachment;
import io.jcompose.dns.view.ContainerRecord;
import io.jcompose.dns.view.DnsView;
import io.jcompose.dns.view.DnsViewBuilder;
import io.jcompose.dns.view.NetworkRecord;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server on loopback with real sockets. Clients bind to the container addresses of the sample
 * project (127.10.x.y), so the server sees them as those containers; upstreams are stub servers
 * on 127.0.53.x. No packet leaves the machine.
 */
class DnsServerTest {
    private static final SampleProject SHOP = SampleProject.loopback();
    private static final String WEB_1 = SHOP.ip(1, 11);
    private static final String DB = SHOP.ip(2, 21);
    private static final String VAULT = SHOP.ip(3, 41);
    private static final int A = 1;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void serviceNamesResolveOverUdpAndTcp() {
        DnsServer server = start(SHOP.view(List.of()));
        TestResolver client = client(server, WEB_1);
        for (Reply reply : List.of(client.udp(query("web")), client.tcp(query("web")))) {
            assertThat(reply.code()).isZero();
            assertThat(reply.authoritative()).isTrue();
            assertThat(reply.answers()).containsExactlyInAnyOrder(SHOP.ip(1, 11), SHOP.ip(1, 12), SHOP.ip(1, 13));
        }
    }

    @Test
    void namesOfOtherNetworksAreNxdomainAndNeverAskedUpstream() {
        StubUpstream upstream = stub("127.0.53.1", Behaviour.ANSWER);
        DnsServer server = start(SHOP.view(List.of(upstream.address())));
        Reply reply = client(server, WEB_1).udp(query("db"));
        assertThat(reply.code()).isEqualTo(3);
        assertThat(reply.answers()).isEmpty();
        assertThat(reply.authority()).containsExactly("SOA");
        assertThat(client(server, DB).udp(query("db")).answers()).containsExactly(DB);
        assertThat(upstream.queries()).isZero();
    }

    @Test
    void otherNamesAreForwardedAndTheAnswerPassedOn() {
        StubUpstream upstream = stub("127.0.53.1", Behaviour.ANSWER);
        DnsServer server = start(SHOP.view(List.of(upstream.address())));
        TestResolver client = client(server, WEB_1);
        Reply found = client.udp(QueryBytes.query(0x5151, "www.example.com", A, 0));
        assertThat(found.id()).isEqualTo(0x5151);
        assertThat(found.answers()).containsExactly("203.0.113.1");
        assertThat(found.authoritative()).isFalse();
        assertThat(client.udp(query("nx.example.com")).code()).isEqualTo(3);
        assertThat(client.tcp(query("www.example.org")).answers()).containsExactly("203.0.113.1");
        assertThat(upstream.udpQueries()).isEqualTo(3);
        assertThat(server.stats().forwarded()).isEqualTo(3);
    }

    @Test
    void aFailingUpstreamHandsOverToTheNext() {
        StubUpstream failing = stub("127.0.53.1", Behaviour.SERVFAIL);
        StubUpstream working = stub("127.0.53.2", Behaviour.ANSWER);
        DnsServer server = start(SHOP.view(List.of(failing.address(), working.address())));
        TestResolver client = client(server, WEB_1);
        assertThat(client.udp(query("www.example.com")).answers()).containsExactly("203.0.113.1");
        failing.behave(Behaviour.REFUSED);
        assertThat(client.udp(query("www.example.net")).answers()).containsExactly("203.0.113.1");
        failing.behave(Behaviour.SILENT);
        assertThat(client.udp(query("www.example.org")).answers()).containsExactly("203.0.113.1");
        assertThat(failing.queries()).isEqualTo(3);
        assertThat(working.queries()).isEqualTo(3);
    }

    /** The client waits 3 s, well past the 1.8 s budget: it must hear SERVFAIL, not silence. */
    @Test
    void whenEveryUpstreamIsSilentTheClientGetsServfail() {
        StubUpstream first = stub("127.0.53.1", Behaviour.SILENT);
        StubUpstream second = stub("127.0.53.2", Behaviour.SILENT);
        DnsServer server = start(SHOP.view(List.of(first.address(), second.address())));
        Reply reply = new TestResolver(server.localAddress(), WEB_1, 3000).udp(query("www.example.com"));
        assertThat(reply).as("an answer before the client gives up").isNotNull();
        assertThat(reply.code()).isEqualTo(2);
        assertThat(first.queries()).isPositive();
        assertThat(second.queries()).isPositive();
        assertThat(server.stats().upstreamFailed()).isEqualTo(1);
    }

    @Test
    void whenEveryUpstreamFailsTheClientGetsServfail() {
        StubUpstream first = stub("127.0.53.1", Behaviour.SERVFAIL);
        StubUpstream second = stub("127.0.53.2", Behaviour.REFUSED);
        DnsServer server = start(SHOP.view(List.of(first.address(), second.address())));
        assertThat(client(server, WEB_1).udp(query("www.example.com")).code()).isEqualTo(2);
    }

    @Test
    void internalNetworksNeverForward() {
        StubUpstream upstream = stub("127.0.53.1", Behaviour.ANSWER);
        DnsServer server = start(SHOP.view(List.of(upstream.address())));
        TestResolver vault = client(server, VAULT);
        assertThat(vault.udp(query("www.example.com")).code()).isEqualTo(5);
        assertThat(vault.udp(query("vault")).answers()).containsExactly(VAULT);
        assertThat(upstream.queries()).isZero();
    }

    @Test
    void strangersAreRefused() {
        DnsServer server = start(SHOP.view(List.of()));
        assertThat(client(server, "127.99.0.1").udp(query("web")).code()).isEqualTo(5);
    }

    /** 100 replicas: UDP without EDNS gets what fits in 512 bytes and TC; TCP gets them all. */
    @Test
    void largeAnswersAreTruncatedOverUdpAndCompleteOverTcp() {
        DnsServer server = start(hundredReplicas());
        TestResolver client = client(server, SHOP.ip(1, 200));
        Reply udp = client.udp(query("many"));
        assertThat(udp.truncated()).isTrue();
        assertThat(udp.size()).isLessThanOrEqualTo(512);
        assertThat(udp.answers()).isNotEmpty().hasSizeLessThan(100);
        Reply edns = client.udp(QueryBytes.query(1, "many", A, 1232));
        assertThat(edns.size()).isLessThanOrEqualTo(1232);
        assertThat(edns.hasOpt()).isTrue();
        assertThat(edns.answers()).hasSizeGreaterThan(udp.answers().size());
        Reply tcp = client.tcp(query("many"));
        assertThat(tcp.truncated()).isFalse();
        assertThat(tcp.answers()).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void aTruncatedUpstreamAnswerIsFetchedOverTcpForTcpClients() {
        StubUpstream upstream = stub("127.0.53.1", Behaviour.TRUNCATE_UDP);
        DnsServer server = start(SHOP.view(List.of(upstream.address())));
        TestResolver client = client(server, WEB_1);
        Reply udp = client.udp(query("large.example.com"));
        assertThat(udp.truncated()).isTrue();
        Reply tcp = client.tcp(query("large.example.com"));
        assertThat(tcp.truncated()).isFalse();
        assertThat(tcp.answers()).hasSize(100);
        assertThat(upstream.tcpQueries()).isEqualTo(1);
    }

    /** The stub answers 100 records uncompressed over UDP whatever the client asked: we cut it to 512. */
    @Test
    void anUpstreamAnswerTooBigForTheClientIsTruncated() {
        StubUpstream upstream = stub("127.0.53.1", Behaviour.ANSWER);
        DnsServer server = start(SHOP.view(List.of(upstream.address())));
        Reply reply = client(server, WEB_1).udp(query("big.example.com"));
        assertThat(reply.truncated()).isTrue();
        assertThat(reply.size()).isLessThanOrEqualTo(512);
        assertThat(reply.question()).isEqualTo("big.example.com.");
    }

    @Test
    void tcpConnectionsCarrySeveralQueries() throws IOException {
        DnsServer server = start(SHOP.view(List.of()));
        try (Socket socket = client(server, WEB_1).connect()) {
            for (int id = 1; id <= 3; id++) {
                TestResolver.send(socket, QueryBytes.query(id, id == 2 ? "db" : "web", A, 0));
            }
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(Reply.decode(TestResolver.receive(socket)).id());
            }
            assertThat(ids).containsExactly(1, 2, 3);
        }
    }

    /** A client that sends half a message and goes quiet holds nobody up, and is hung up on when idle. */
    @Test
    void anIdleTcpClientDelaysNobodyAndIsClosed() throws IOException {
        DnsServer server = start(SHOP.view(List.of()), DnsServerOptions.DEFAULT.withTcpIdle(Duration.ofMillis(300)));
        TestResolver client = client(server, WEB_1);
        try (Socket idle = new TestResolver(server.localAddress(), WEB_1, 5000).connect()) {
            OutputStream out = idle.getOutputStream();
            out.write(new byte[] {0, 40, 1, 2, 3});
            out.flush();
            assertThat(client.udp(query("web")).answers()).hasSize(3);
            assertThat(client.tcp(query("web")).answers()).hasSize(3);
            InputStream in = idle.getInputStream();
            assertThat(in.read()).as("end of stream once the idle timeout closes it").isEqualTo(-1);
        }
    }

    /** A frame cut short then a reset (CVE-2026-35406): the connection just ends. */
    @Test
    void aTruncatedFrameFollowedByAResetEndsTheConnection() throws Exception {
        DnsServer server = start(SHOP.view(List.of()));
        TestResolver client = client(server, WEB_1);
        for (int i = 0; i < 20; i++) {
            Socket socket = client.connect();
            socket.getOutputStream().write(new byte[] {0, 100, 0, 1, 2, 3, 4, 5});
            socket.getOutputStream().flush();
            socket.setSoLinger(true, 0);
            socket.close();
        }
        assertThat(client.tcp(query("web")).answers()).hasSize(3);
        waitUntil(() -> server.stats().tcpConnections() == 0);
        assertThat(server.stats().tcpConnections()).isZero();
    }

    /**
     * Bursts of random bytes, each followed by a real query from the same socket: the real query is
     * always answered. (Bursts stay small so that the kernel's socket buffer, not the server, is
     * never what drops the real query.)
     */
    @Test
    void malformedPacketsNeverStopTheServer() throws IOException {
        DnsServer server = start(SHOP.view(List.of()));
        Random random = new Random(11);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(WEB_1, 0))) {
            socket.setSoTimeout(2500);
            for (int burst = 0; burst < 20; burst++) {
                for (int i = 0; i < 25; i++) {
                    byte[] garbage = new byte[random.nextInt(100)];
                    random.nextBytes(garbage);
                    socket.send(new DatagramPacket(garbage, garbage.length, server.localAddress()));
                }
                int id = 0xa000 + burst;
                byte[] valid = QueryBytes.query(id, "web", A, 0);
                socket.send(new DatagramPacket(valid, valid.length, server.localAddress()));
                Reply reply;
                do {
                    byte[] buffer = new byte[4096];
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    reply = Reply.decode(Arrays.copyOf(buffer, packet.getLength()));
                } while (reply.id() != id || reply.answers().isEmpty());
                assertThat(reply.answers()).hasSize(3);
            }
            byte[] loop = QueryBytes.start().header(0x1111, 0x0100, 1, 0, 0, 0).raw(0xc0, 0x0c).u16(1).u16(1).bytes();
            socket.send(new DatagramPacket(loop, loop.length, server.localAddress()));
        }
        TestResolver client = client(server, WEB_1);
        Reply formerr = client.udp(QueryBytes.start().header(0x2222, 0x0100, 2, 0, 0, 0).name("a").u16(1).u16(1)
                .name("b").u16(1).u16(1).bytes());
        assertThat(formerr.id()).isEqualTo(0x2222);
        assertThat(formerr.code()).isEqualTo(1);
        Reply notimp = client.udp(QueryBytes.start().header(0x3333, 0x2800, 1, 0, 0, 0).name("web").u16(6).u16(1).bytes());
        assertThat(notimp.code()).isEqualTo(4);
        DnsServerStats stats = server.stats();
        assertThat(stats.dropped()).isPositive();
        assertThat(stats.rejected()).isPositive();
    }

    @Test
    void responsesSentToTheServerGetNoAnswer() {
        DnsServer server = start(SHOP.view(List.of()));
        TestResolver client = new TestResolver(server.localAddress(), WEB_1, 300);
        byte[] response = QueryBytes.start().header(9, 0x8180, 1, 0, 0, 0).name("web").u16(1).u16(1).bytes();
        assertThat(client.udpRaw(response)).isNull();
    }

    /** With 4 slots and a silent upstream, the fifth forwarded query is refused at once; local names still answer. */
    @Test
    void pastTheOutstandingLimitForwardedQueriesAreRefused() throws IOException {
        StubUpstream upstream = stub("127.0.53.1", Behaviour.SILENT);
        DnsServer server = start(SHOP.view(List.of(upstream.address())),
                DnsServerOptions.DEFAULT.withForward(ForwardPolicy.DEFAULT.withMaxOutstanding(4)));
        List<Integer> codes = new ArrayList<>();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(WEB_1, 0))) {
            socket.setSoTimeout(3000);
            for (int id = 0; id < 10; id++) {
                byte[] query = QueryBytes.query(id, "host" + id + ".example.com", A, 0);
                socket.send(new DatagramPacket(query, query.length, server.localAddress()));
            }
            assertThat(client(server, WEB_1).udp(query("web")).answers()).hasSize(3);
            for (int i = 0; i < 10; i++) {
                byte[] buffer = new byte[512];
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                codes.add(Reply.decode(Arrays.copyOf(buffer, packet.getLength())).code());
            }
        }
        assertThat(codes).filteredOn(c -> c == 5).hasSize(6);
        assertThat(codes).filteredOn(c -> c == 2).hasSize(4);
        assertThat(server.stats().overloaded()).isEqualTo(6);
    }

    @Test
    void aSwappedViewIsServedFromTheNextQuery() {
        DnsServer server = start(SHOP.view(List.of()));
        TestResolver client = client(server, WEB_1);
        assertThat(client.udp(query("shop-web-4")).code()).isEqualTo(3);
        server.update(SHOP.builder(List.of())
                .container(ContainerRecord.of("shop-web-4", "web", Attachment.of("shop_front", SHOP.ip(1, 14))))
                .build());
        assertThat(client.udp(query("shop-web-4")).answers()).containsExactly(SHOP.ip(1, 14));
        assertThat(client.udp(query("web")).answers()).hasSize(4);
    }

    /** Views swapped as fast as the swapping thread can while queries run: every query gets an answer. */
    @Test
    void swapsUnderLoadLoseNoQuery() throws Exception {
        DnsView three = SHOP.view(List.of());
        DnsView four = SHOP.builder(List.of())
                .container(ContainerRecord.of("shop-web-4", "web", Attachment.of("shop_front", SHOP.ip(1, 14))))
                .build();
        DnsServer server = start(three);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread swapper = Thread.ofPlatform().start(() -> {
            for (int i = 0; running.get(); i++) {
                server.update(i % 2 == 0 ? four : three);
            }
        });
        try {
            TestResolver client = client(server, WEB_1);
            for (int i = 0; i < 1000; i++) {
                Reply reply = client.udp(QueryBytes.query(i, "web", A, 0));
                assertThat(reply).as("query %d", i).isNotNull();
                assertThat(reply.answers()).hasSizeBetween(3, 4);
            }
        } finally {
            running.set(false);
            swapper.join();
        }
    }

    @Test
    void aTakenPortFailsTheStartWithTheAddress() {
        DnsServer first = start(SHOP.view(List.of()));
        InetSocketAddress taken = first.localAddress();
        assertThatThrownBy(() -> DnsServer.start(taken, DnsView.empty()).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("failed to bind DNS ")
                .hasMessageContaining(taken.getAddress().getHostAddress() + ":" + taken.getPort());
    }

    /** Servers of several networks share the agent's event loops; closing one leaves them running. */
    @Test
    void aSharedGroupOutlivesItsServers() {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            DnsServerOptions options = DnsServerOptions.DEFAULT.withGroup(group).withThreads(1);
            DnsServer front = DnsServer.start(new InetSocketAddress(SHOP.ip(1, 1), 0), SHOP.view(List.of()), options).join();
            DnsServer back = DnsServer.start(new InetSocketAddress(SHOP.ip(2, 1), 0), SHOP.view(List.of()), options).join();
            front.close();
            assertThat(group.isShuttingDown()).isFalse();
            assertThat(client(back, DB).udp(query("db")).answers()).containsExactly(DB);
            back.close();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private DnsView hundredReplicas() {
        DnsViewBuilder builder = DnsView.builder().network(NetworkRecord.of("big", SHOP.ip(1, 0) + "/24", SHOP.ip(1, 1)));
        for (int i = 1; i <= 100; i++) {
            builder.container(ContainerRecord.of("many-" + i, "many", Attachment.of("big", SHOP.ip(1, 100 + i))));
        }
        return builder.build();
    }

    private DnsServer start(DnsView view) {
        return start(view, DnsServerOptions.DEFAULT);
    }

    private DnsServer start(DnsView view, DnsServerOptions options) {
        DnsServer server = DnsServer.start(new InetSocketAddress(SHOP.ip(1, 1), 0), view, options).join();
        resources.add(server);
        return server;
    }

    private StubUpstream stub(String address, Behaviour behaviour) {
        StubUpstream stub = StubUpstream.start(address, behaviour);
        resources.add(stub);
        return stub;
    }

    private static TestResolver client(DnsServer server, String source) {
        return new TestResolver(server.localAddress(), source, 2500);
    }

    private static byte[] query(String name) {
        return QueryBytes.query(0x0101, name, A, 0);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
