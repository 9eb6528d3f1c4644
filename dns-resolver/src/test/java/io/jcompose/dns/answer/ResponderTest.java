package io.jcompose.dns.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.dns.testing.SampleProject;
import io.jcompose.dns.view.DnsView;
import io.jcompose.dns.view.ResourceRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The answer rules as one table. Clients: 10.10.1.11 is web-1 (front), 10.10.2.21 is db (back),
 * 10.10.1.31 is api (front + back), 10.10.3.41 is vault (internal), 10.10.1.200 is an unlisted
 * address on front, 192.168.77.1 is on none of our networks.
 */
class ResponderTest {
    private static final DnsView VIEW = SampleProject.tenNet().view();
    private static final InetSocketAddress UPSTREAM = new InetSocketAddress("127.0.53.53", 53);

    @ParameterizedTest(name = "{0} asks {1} {2} → {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # client    | name                          | type  | code     | answer
            10.10.1.11  | web                           | A     | NOERROR  | 10.10.1.11 10.10.1.12 10.10.1.13
            10.10.1.11  | WEB.                          | A     | NOERROR  | 10.10.1.11 10.10.1.12 10.10.1.13
            10.10.1.11  | Web.Shop_Front.               | A     | NOERROR  | 10.10.1.11 10.10.1.12 10.10.1.13
            10.10.1.11  | shop-web-3                    | A     | NOERROR  | 10.10.1.13
            10.10.1.11  | apihost                       | A     | NOERROR  | 10.10.1.31
            10.10.1.11  | gateway                       | A     | NOERROR  | 10.10.1.31
            10.10.1.11  | shop-web-1                    | AAAA  | NOERROR  | fd00:10:1:0:0:0:0:11
            10.10.1.11  | shop-web-1                    | ANY   | NOERROR  | 10.10.1.11 fd00:10:1:0:0:0:0:11
            10.10.1.11  | web                           | AAAA  | NOERROR  | fd00:10:1:0:0:0:0:11
            10.10.1.11  | shop-web-3                    | AAAA  | NOERROR  | nodata
            10.10.1.11  | shop-web-2                    | AAAA  | NOERROR  | nodata
            10.10.1.11  | web                           | MX    | NOERROR  | nodata
            10.10.1.11  | web                           | TXT   | NOERROR  | nodata
            10.10.1.11  | web                           | SRV   | NOERROR  | nodata
            10.10.1.11  | web                           | HTTPS | NOERROR  | nodata
            10.10.1.11  | web                           | CNAME | NOERROR  | nodata
            10.10.1.11  | shop_front                    | A     | NXDOMAIN | soa
            10.10.1.11  | db                            | A     | NXDOMAIN | soa
            10.10.1.11  | db                            | AAAA  | NXDOMAIN | soa
            10.10.1.11  | database.shop_back            | A     | NXDOMAIN | soa
            10.10.1.11  | backend                       | A     | NXDOMAIN | soa
            10.10.1.11  | nosuch.shop_front             | A     | NXDOMAIN | soa
            10.10.1.11  | nosuch                        | A     | NXDOMAIN | soa
            10.10.1.11  | example.com                   | A     | forward  |
            10.10.1.11  | .                             | NS    | forward  |
            10.10.1.11  | 12.1.10.10.in-addr.arpa       | PTR   | NOERROR  | ptr shop-web-2.shop_front
            10.10.1.11  | 21.2.10.10.in-addr.arpa       | PTR   | NXDOMAIN | soa
            10.10.1.11  | 99.1.10.10.in-addr.arpa       | PTR   | NXDOMAIN | soa
            10.10.1.11  | 1.2.0.192.in-addr.arpa        | PTR   | forward  |
            10.10.1.11  | 1.10.10.in-addr.arpa          | PTR   | forward  |
            10.10.1.11  | 1.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.0.1.0.0.0.0.d.f.ip6.arpa | PTR | NOERROR | ptr shop-web-1.shop_front
            10.10.2.21  | db                            | A     | NOERROR  | 10.10.2.21
            10.10.2.21  | api                           | A     | NOERROR  | 10.10.2.31
            10.10.2.21  | web                           | A     | NXDOMAIN | soa
            10.10.2.21  | 31.2.10.10.in-addr.arpa       | PTR   | NOERROR  | ptr shop-api-1.shop_back
            10.10.2.21  | 31.1.10.10.in-addr.arpa       | PTR   | NXDOMAIN | soa
            10.10.1.31  | api                           | A     | NOERROR  | 10.10.1.31 10.10.2.31
            10.10.1.31  | db                            | A     | NOERROR  | 10.10.2.21
            10.10.3.41  | vault                         | A     | NOERROR  | 10.10.3.41
            10.10.3.41  | example.com                   | A     | REFUSED  |
            10.10.3.41  | web                           | A     | NXDOMAIN | soa
            10.10.1.200 | web                           | A     | NOERROR  | 10.10.1.11 10.10.1.12 10.10.1.13
            10.10.1.200 | example.com                   | A     | forward  |
            192.168.77.1| web                           | A     | REFUSED  |
            192.168.77.1| example.com                   | A     | REFUSED  |
            """)
    void answers(String client, String name, String type, String code, String expected) {
        Answer answer = Responder.answer(VIEW, Question.of(name, DnsRecordType.valueOf(type)),
                InetAddress.ofLiteral(client));
        if (code.equals("forward")) {
            assertThat(answer).isEqualTo(new Answer.Forward(List.of(UPSTREAM)));
            return;
        }
        assertThat(answer).isInstanceOf(Answer.Local.class);
        Answer.Local local = (Answer.Local) answer;
        assertThat(local.code()).isEqualTo(DnsResponseCode.valueOf(switch (code) {
            case "NOERROR" -> 0;
            case "NXDOMAIN" -> 3;
            case "REFUSED" -> 5;
            default -> throw new IllegalArgumentException(code);
        }));
        if (expected == null) {
            assertThat(local.records()).isEmpty();
            assertThat(local.authoritative()).isFalse();
            return;
        }
        assertThat(local.authoritative()).isTrue();
        assertThat(local.ttlSeconds()).isBetween(0, 5);
        switch (expected) {
            case "nodata", "soa" -> {
                assertThat(local.records()).isEmpty();
                assertThat(local.withSoa()).isTrue();
            }
            default -> {
                assertThat(local.withSoa()).isFalse();
                if (expected.startsWith("ptr ")) {
                    assertThat(local.records()).containsExactly(ResourceRecord.pointer(expected.substring(4)));
                } else {
                    assertThat(local.records()).extracting(ResponderTest::text)
                            .containsExactlyInAnyOrder(expected.split(" "));
                }
            }
        }
    }

    @Test
    void recursionNotDesiredMeansNoForwarding() {
        Answer answer = Responder.answer(VIEW, Question.of("example.com", DnsRecordType.A).withRecursionDesired(false),
                InetAddress.ofLiteral("10.10.1.11"));
        assertThat(answer).isEqualTo(Answer.Local.error(DnsResponseCode.REFUSED));
    }

    @Test
    void classChaosIsRefusedNotForwarded() {
        Answer answer = Responder.answer(VIEW, Question.of("version.bind", DnsRecordType.TXT).withClass(DnsRecord.CLASS_CHAOS),
                InetAddress.ofLiteral("10.10.1.11"));
        assertThat(answer).isEqualTo(Answer.Local.error(DnsResponseCode.REFUSED));
    }

    @Test
    void withoutUpstreamsOtherNamesFailAtOnce() {
        DnsView view = SampleProject.tenNet().view(List.of());
        Answer answer = Responder.answer(view, Question.of("example.com", DnsRecordType.A), InetAddress.ofLiteral("10.10.1.11"));
        assertThat(answer).isEqualTo(Answer.Local.error(DnsResponseCode.SERVFAIL));
    }

    @Test
    void singleLabelNamesCanBeForwardedWhenTheViewSaysSo() {
        DnsView view = SampleProject.tenNet().builder(List.of(UPSTREAM)).forwardSingleLabelNames(true).build();
        assertThat(Responder.answer(view, Question.of("printer", DnsRecordType.A), InetAddress.ofLiteral("10.10.1.11")))
                .isEqualTo(new Answer.Forward(List.of(UPSTREAM)));
        assertThat(Responder.answer(view, Question.of("db", DnsRecordType.A), InetAddress.ofLiteral("10.10.1.11")))
                .isInstanceOf(Answer.Local.class);
    }

    @Test
    void unreadableNamesAreNeverOurs() {
        Question opaque = new Question(null, DnsRecordType.A, DnsRecord.CLASS_IN, 7, true);
        assertThat(Responder.answer(VIEW, opaque, InetAddress.ofLiteral("10.10.1.11")))
                .isEqualTo(new Answer.Forward(List.of(UPSTREAM)));
    }

    @Test
    void replicasRotateWithTheQueryIdAndEveryOrderAppears() {
        Set<List<String>> orders = new HashSet<>();
        for (int id = 0; id < 6; id++) {
            Answer.Local local = (Answer.Local) Responder.answer(VIEW, Question.of("web", DnsRecordType.A).withId(id),
                    InetAddress.ofLiteral("10.10.1.11"));
            List<String> order = local.records().stream().map(ResponderTest::text).toList();
            assertThat(order).containsExactlyInAnyOrder("10.10.1.11", "10.10.1.12", "10.10.1.13");
            orders.add(order);
        }
        assertThat(orders).containsExactlyInAnyOrder(
                List.of("10.10.1.11", "10.10.1.12", "10.10.1.13"),
                List.of("10.10.1.12", "10.10.1.13", "10.10.1.11"),
                List.of("10.10.1.13", "10.10.1.11", "10.10.1.12"));
    }

    @Test
    void recursionAvailableOnlyWhereForwardingIs() {
        Answer.Local front = (Answer.Local) Responder.answer(VIEW, Question.of("web", DnsRecordType.A),
                InetAddress.ofLiteral("10.10.1.11"));
        Answer.Local vault = (Answer.Local) Responder.answer(VIEW, Question.of("vault", DnsRecordType.A),
                InetAddress.ofLiteral("10.10.3.41"));
        assertThat(front.recursionAvailable()).isTrue();
        assertThat(vault.recursionAvailable()).isFalse();
    }

    private static String text(ResourceRecord record) {
        try {
            return InetAddress.getByAddress(record.rdata()).getHostAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
