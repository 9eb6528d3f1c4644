package io.jcompose.dns.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.dns.testing.DigOutput;
import io.jcompose.dns.testing.SampleProject;
import io.jcompose.dns.testing.StubUpstream;
import io.jcompose.dns.view.Attachment;
import io.jcompose.dns.view.ContainerRecord;
import io.jcompose.dns.view.DnsViewBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BIND's {@code dig} (Debian dnsutils) as a real client of the server on loopback. {@code -b}
 * makes dig speak from a container's address; the upstream is a stub on 127.0.53.1.
 */
class DigTest {
    private static final SampleProject SHOP = SampleProject.loopback();
    private static StubUpstream upstream;
    private static DnsServer server;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dig")), "dig (Debian dnsutils) is not installed");
        upstream = StubUpstream.start("127.0.53.1", StubUpstream.Behaviour.ANSWER);
        DnsViewBuilder builder = SHOP.builder(List.of(upstream.address()));
        for (int i = 1; i <= 100; i++) {
            builder.container(ContainerRecord.of("shop-worker-" + i, "worker",
                    Attachment.of(SampleProject.FRONT, SHOP.ip(1, 100 + i))));
        }
        server = DnsServer.start(new InetSocketAddress(SHOP.ip(1, 1), 0), builder.build()).join();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void aServiceNameGivesEveryReplicaAuthoritatively() {
        DigOutput dig = dig(SHOP.ip(1, 11), "web", "A");
        assertThat(dig.status()).isEqualTo("NOERROR");
        assertThat(dig.flags()).contains("aa", "rd", "ra");
        assertThat(dig.answers()).extracting(r -> r.get(4))
                .containsExactlyInAnyOrder(SHOP.ip(1, 11), SHOP.ip(1, 12), SHOP.ip(1, 13));
        assertThat(dig.answers()).allSatisfy(r -> assertThat(Integer.parseInt(r.get(1))).isBetween(0, 5));
    }

    @Test
    void mixedCaseAndQualifiedNamesResolve() {
        DigOutput dig = dig(SHOP.ip(1, 11), "Shop-Web-2.SHOP_FRONT.", "A");
        assertThat(dig.answers()).extracting(r -> r.get(4)).containsExactly(SHOP.ip(1, 12));
        assertThat(dig.answers().getFirst().getFirst()).isEqualTo("Shop-Web-2.SHOP_FRONT.");
    }

    @Test
    void anotherNetworksNameIsNxdomain() {
        DigOutput dig = dig(SHOP.ip(1, 11), "db", "A");
        assertThat(dig.status()).isEqualTo("NXDOMAIN");
        assertThat(dig.answers()).isEmpty();
        assertThat(dig.authority()).extracting(r -> r.get(3)).containsExactly("SOA");
    }

    @Test
    void aaaaOfAnIpv4OnlyNameIsNodataWithASoa() {
        DigOutput dig = dig(SHOP.ip(2, 21), "db", "AAAA");
        assertThat(dig.status()).isEqualTo("NOERROR");
        assertThat(dig.answers()).isEmpty();
        assertThat(dig.authority()).extracting(r -> r.get(3)).containsExactly("SOA");
    }

    @Test
    void reverseLookupGivesTheContainerName() {
        DigOutput dig = run(SHOP.ip(1, 11), "-x", SHOP.ip(1, 12));
        assertThat(dig.answers()).extracting(r -> r.get(4)).containsExactly("shop-web-2.shop_front.");
    }

    @Test
    void externalNamesComeFromTheUpstream() {
        DigOutput dig = dig(SHOP.ip(1, 11), "www.example.com", "A");
        assertThat(dig.status()).isEqualTo("NOERROR");
        assertThat(dig.flags()).doesNotContain("aa");
        assertThat(dig.answers()).extracting(r -> r.get(4)).containsExactly("203.0.113.1");
    }

    @Test
    void withoutRecursionDesiredExternalNamesAreRefused() {
        assertThat(run(SHOP.ip(1, 11), "+norecurse", "www.example.com", "A").status()).isEqualTo("REFUSED");
    }

    @Test
    void chaosClassIsRefused() {
        assertThat(run(SHOP.ip(1, 11), "version.bind", "CH", "TXT").status()).isEqualTo("REFUSED");
    }

    /** dig sees TC over UDP and, as a real client does, asks again over TCP: it ends with all 100. */
    @Test
    void hundredReplicasArriveWholeThroughTheTcpRetry() {
        DigOutput truncated = run(SHOP.ip(1, 11), "+noedns", "+ignore", "worker", "A");
        assertThat(truncated.flags()).contains("tc");
        assertThat(truncated.answers()).hasSizeLessThan(100);
        DigOutput retried = run(SHOP.ip(1, 11), "+noedns", "worker", "A");
        assertThat(retried.answers()).hasSize(100);
        assertThat(retried.output()).contains("Truncated, retrying in TCP mode");
    }

    @Test
    void ednsIsAnsweredWithOurOpt() {
        DigOutput dig = run(SHOP.ip(1, 11), "+edns=0", "+bufsize=1232", "+ignore", "worker", "A");
        assertThat(dig.output()).contains("; EDNS: version: 0").contains("udp: 1232");
        assertThat(dig.output()).containsPattern("MSG SIZE +rcvd: (\\d{3}|1[01]\\d\\d|12[0-2]\\d|123[0-2])\\b");
    }

    /** dig's +keepopen sends the three queries over one TCP connection. */
    @Test
    void severalQueriesShareOneTcpConnection() {
        DigOutput dig = run(SHOP.ip(1, 11), "+tcp", "+keepopen", "web", "A", "apihost", "A", "cache", "A");
        assertThat(dig.answers()).extracting(r -> r.get(4))
                .contains(SHOP.ip(1, 31), SHOP.ip(1, 51)).hasSize(5);
    }

    private static DigOutput dig(String source, String name, String type) {
        return run(source, name, type);
    }

    private static DigOutput run(String source, String... query) {
        List<String> command = new ArrayList<>(List.of("dig", "@" + SHOP.ip(1, 1), "-p",
                String.valueOf(server.localAddress().getPort()), "-b", source, "+tries=1", "+time=3"));
        command.addAll(List.of(query));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            return new DigOutput(output);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
