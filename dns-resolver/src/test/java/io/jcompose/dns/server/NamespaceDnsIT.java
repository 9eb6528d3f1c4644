package io.jcompose.dns.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.dns.testing.DigOutput;
import io.jcompose.dns.testing.Namespaces;
import io.jcompose.dns.testing.SampleProject;
import io.jcompose.dns.testing.StubUpstream;
import io.jcompose.dns.view.Attachment;
import io.jcompose.dns.view.ContainerRecord;
import io.jcompose.dns.view.DnsView;
import io.jcompose.dns.view.DnsViewBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The product's layout for real: each network a bridge whose gateway address carries that
 * network's DNS server on port 53; each container a network namespace on a veth pair, asking with
 * {@code dig} from inside. Two servers (front, back) share one view and one event loop group, as
 * the agent will run them. The upstream is a stub on the host's loopback, reached by the server
 * from the host namespace. Addresses are 198.19.x.y; everything is removed afterwards.
 */
@Tag("root")
class NamespaceDnsIT {
    private static final SampleProject SHOP = new SampleProject("198.19");
    private static final List<AutoCloseable> RESOURCES = new ArrayList<>();
    private static String web;
    private static String db;
    private static StubUpstream upstream;

    @BeforeAll
    static void build() throws IOException {
        assumeTrue(((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0, "needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dig")), "needs dig (Debian dnsutils)");
        for (int network = 1; network <= 3; network++) {
            assumeFalse(Namespaces.routed(SHOP.ip(network, 1)), "198.19." + network + ".0/24 is already routed here");
        }
        Namespaces namespaces = new Namespaces();
        RESOURCES.add(namespaces);
        String front = namespaces.bridge("f", SHOP.ip(1, 1) + "/24");
        String back = namespaces.bridge("b", SHOP.ip(2, 1) + "/24");
        web = namespaces.container("w", front, SHOP.ip(1, 11) + "/24", SHOP.ip(1, 1));
        db = namespaces.container("d", back, SHOP.ip(2, 21) + "/24", SHOP.ip(2, 1));

        upstream = StubUpstream.start("127.0.53.1", StubUpstream.Behaviour.ANSWER);
        RESOURCES.add(upstream);
        DnsViewBuilder builder = SHOP.builder(List.of(upstream.address()));
        for (int i = 1; i <= 100; i++) {
            builder.container(ContainerRecord.of("shop-worker-" + i, "worker",
                    Attachment.of(SampleProject.FRONT, SHOP.ip(1, 100 + i))));
        }
        DnsView view = builder.build();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        RESOURCES.add(() -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly());
        DnsServerOptions options = DnsServerOptions.DEFAULT.withGroup(group).withThreads(1);
        RESOURCES.add(DnsServer.start(new InetSocketAddress(SHOP.ip(1, 1), 53), view, options).join());
        RESOURCES.add(DnsServer.start(new InetSocketAddress(SHOP.ip(2, 1), 53), view, options).join());
    }

    @AfterAll
    static void removeEverything() throws Exception {
        for (AutoCloseable resource : RESOURCES.reversed()) {
            resource.close();
        }
        RESOURCES.clear();
    }

    @Test
    void aContainerResolvesTheServiceOfItsNetwork() {
        DigOutput dig = dig(web, SHOP.ip(1, 1), "web");
        assertThat(dig.status()).isEqualTo("NOERROR");
        assertThat(dig.flags()).contains("aa");
        assertThat(dig.answerData()).containsExactlyInAnyOrder(SHOP.ip(1, 11), SHOP.ip(1, 12), SHOP.ip(1, 13));
    }

    @Test
    void namesStayOnTheirNetworks() {
        assertThat(dig(web, SHOP.ip(1, 1), "db").status()).isEqualTo("NXDOMAIN");
        assertThat(dig(db, SHOP.ip(2, 1), "db").answerData()).containsExactly(SHOP.ip(2, 21));
        assertThat(dig(db, SHOP.ip(2, 1), "web").status()).isEqualTo("NXDOMAIN");
        assertThat(dig(db, SHOP.ip(2, 1), "backend").answerData()).containsExactly(SHOP.ip(2, 31));
    }

    @Test
    void aaaaOfAnIpv4OnlyNameIsNodata() {
        DigOutput dig = dig(db, SHOP.ip(2, 1), "db", "AAAA");
        assertThat(dig.status()).isEqualTo("NOERROR");
        assertThat(dig.answers()).isEmpty();
        assertThat(dig.authority()).extracting(r -> r.get(3)).containsExactly("SOA");
    }

    @Test
    void reverseLookupsNameTheContainer() {
        assertThat(dig(web, SHOP.ip(1, 1), "-x", SHOP.ip(1, 12)).answerData()).containsExactly("shop-web-2.shop_front.");
        assertThat(dig(web, SHOP.ip(1, 1), "-x", SHOP.ip(2, 21)).status()).isEqualTo("NXDOMAIN");
    }

    @Test
    void otherNamesGoToTheUpstreamOnTheHostsLoopback() {
        int before = upstream.queries();
        assertThat(dig(web, SHOP.ip(1, 1), "www.example.com").answerData()).containsExactly("203.0.113.1");
        assertThat(upstream.queries()).isEqualTo(before + 1);
    }

    @Test
    void hundredReplicasComeWholeThroughTheTcpRetry() {
        DigOutput dig = dig(web, SHOP.ip(1, 1), "+noedns", "worker");
        assertThat(dig.output()).contains("Truncated, retrying in TCP mode");
        assertThat(dig.answers()).hasSize(100);
    }

    @Test
    void tcpWorksFromInsideTheNamespace() {
        assertThat(dig(db, SHOP.ip(2, 1), "+tcp", "database.shop_back").answerData()).containsExactly(SHOP.ip(2, 21));
    }

    private static DigOutput dig(String namespace, String server, String... query) {
        List<String> command = new ArrayList<>(List.of("dig", "@" + server, "+tries=1", "+time=3"));
        command.addAll(List.of(query));
        return new DigOutput(Namespaces.exec(namespace, command.toArray(String[]::new)));
    }
}
