package io.jcompose.dns.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.dns.testing.SampleProject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DnsViewTest {
    private static final SampleProject SHOP = SampleProject.tenNet();
    private static final DnsView VIEW = SHOP.view();

    /** client address → name → the addresses it sees (empty: not visible). */
    @ParameterizedTest(name = "{0} asks {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            10.10.1.11 | web                    | 10.10.1.11 10.10.1.12 10.10.1.13
            10.10.1.11 | web.shop_front         | 10.10.1.11 10.10.1.12 10.10.1.13
            10.10.1.11 | shop-web-2             | 10.10.1.12
            10.10.1.11 | gateway                | 10.10.1.31
            10.10.1.11 | api                    | 10.10.1.31
            10.10.1.11 | apihost                | 10.10.1.31
            10.10.1.11 | backend                |
            10.10.1.11 | db                     |
            10.10.1.11 | database               |
            10.10.1.11 | vault                  |
            10.10.2.21 | db                     | 10.10.2.21
            10.10.2.21 | database.shop_back     | 10.10.2.21
            10.10.2.21 | api                    | 10.10.2.31
            10.10.2.21 | backend                | 10.10.2.31
            10.10.2.21 | gateway                |
            10.10.2.21 | web                    |
            10.10.1.31 | api                    | 10.10.1.31 10.10.2.31
            10.10.1.31 | api.shop_back          | 10.10.2.31
            10.10.1.31 | db                     | 10.10.2.21
            10.10.1.31 | web                    | 10.10.1.11 10.10.1.12 10.10.1.13
            10.10.2.31 | web                    | 10.10.1.11 10.10.1.12 10.10.1.13
            10.10.3.41 | vault                  | 10.10.3.41
            10.10.3.41 | web                    |
            10.10.1.200| web                    | 10.10.1.11 10.10.1.12 10.10.1.13
            10.10.1.200| db                     |
            10.10.9.9  | web                    |
            """)
    void clientsSeeTheNamesOfTheirNetworksOnly(String client, String name, String expected) {
        NameEntry entry = VIEW.scopeOf(InetAddress.ofLiteral(client.strip())).lookup(name.strip());
        List<String> v4 = entry == null ? List.of() : entry.v4().stream().map(DnsViewTest::text).toList();
        assertThat(v4).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected.strip().split(" ")));
    }

    @Test
    void dualStackNamesKeepTheirFamiliesApart() {
        NameEntry web = VIEW.scopeOf(SHOP.address(1, 12)).lookup("shop-web-1");
        assertThat(web.v4()).extracting(DnsViewTest::text).containsExactly("10.10.1.11");
        assertThat(web.v6()).extracting(DnsViewTest::text).containsExactly("fd00:10:1:0:0:0:0:11");
        assertThat(VIEW.scopeOf(SHOP.address(1, 12)).lookup("shop-web-2").v6()).isEmpty();
    }

    @Test
    void theIpv6AddressOfAContainerIdentifiesItToo() {
        assertThat(VIEW.scopeOf(InetAddress.ofLiteral("fd00:10:1::11")).networks()).containsExactly("shop_front");
    }

    @Test
    void pointersAreVisibleOnTheClientsNetworksOnly() {
        ClientScope front = VIEW.scopeOf(SHOP.address(1, 11));
        assertThat(front.pointer(SHOP.address(1, 12))).isEqualTo(ResourceRecord.pointer("shop-web-2.shop_front"));
        assertThat(front.pointer(SHOP.address(2, 21))).isNull();
        assertThat(VIEW.scopeOf(SHOP.address(2, 21)).pointer(SHOP.address(2, 31)))
                .isEqualTo(ResourceRecord.pointer("shop-api-1.shop_back"));
    }

    @Test
    void strangersAreNotMembers() {
        ClientScope scope = VIEW.scopeOf(InetAddress.ofLiteral("192.168.77.1"));
        assertThat(scope).isSameAs(ClientScope.STRANGER);
        assertThat(scope.isMember()).isFalse();
    }

    @Test
    void internalScopesHaveNoUpstreams() {
        ClientScope vault = VIEW.scopeOf(SHOP.address(3, 41));
        assertThat(vault.isInternal()).isTrue();
        assertThat(vault.upstreams()).isEmpty();
        assertThat(VIEW.scopeOf(SHOP.address(1, 11)).upstreams())
                .containsExactly(new InetSocketAddress("127.0.53.53", 53));
    }

    @Test
    void aServicesOwnDnsServersReplaceTheNetworks() {
        InetSocketAddress own = new InetSocketAddress("127.0.53.7", 53);
        DnsView view = SHOP.builder(List.of(new InetSocketAddress("127.0.53.53", 53)))
                .container(ContainerRecord.of("shop-tool-1", "tool", Attachment.of("shop_front", "10.10.1.61"))
                        .withUpstreams(List.of(own)))
                .build();
        assertThat(view.scopeOf(InetAddress.ofLiteral("10.10.1.61")).upstreams()).containsExactly(own);
        assertThat(view.scopeOf(SHOP.address(1, 11)).upstreams()).doesNotContain(own);
    }

    @Test
    void ourOwnGatewaysAreNeverUpstreams() {
        DnsView view = SHOP.view(List.of(new InetSocketAddress("10.10.2.1", 53), new InetSocketAddress("127.0.53.9", 53),
                new InetSocketAddress("10.10.1.1", 5353)));
        assertThat(view.scopeOf(SHOP.address(1, 11)).upstreams()).containsExactly(new InetSocketAddress("127.0.53.9", 53));
    }

    @Test
    void scopesAreSharedBetweenClientsOnTheSameNetworks() {
        assertThat(VIEW.scopeOf(SHOP.address(1, 11))).isSameAs(VIEW.scopeOf(SHOP.address(1, 13)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            web                   | true
            shop-api-1.shop_back  | true
            shop_front            | true
            nosuch.shop_front     | true
            a.b.shop_vault        | true
            database              | true
            nosuch                | false
            example.com           | false
            shop_front.example    | false
            """)
    void ownsTheNamesOfEveryNetwork(String key, boolean owned) {
        assertThat(VIEW.owns(key)).isEqualTo(owned);
    }

    @Test
    void containerNamesTooLongForALabelAreSkippedNotFatal() {
        String longName = "x".repeat(64);
        DnsView view = DnsView.builder().network(NetworkRecord.of("n", "10.1.0.0/24", "10.1.0.1"))
                .container(ContainerRecord.of(longName, "svc", Attachment.of("n", "10.1.0.2"))).build();
        ClientScope scope = view.scopeOf(InetAddress.ofLiteral("10.1.0.2"));
        assertThat(scope.lookup("svc")).isNotNull();
        assertThat(scope.lookup(longName)).isNull();
        assertThat(scope.pointer(InetAddress.ofLiteral("10.1.0.2"))).isNull();
    }

    static Stream<Arguments> brokenViews() {
        NetworkRecord net = NetworkRecord.of("n", "10.1.0.0/24", "10.1.0.1");
        return Stream.of(
                Arguments.of(DnsView.builder().network(net)
                        .container(ContainerRecord.of("c", "s", Attachment.of("other", "10.1.0.2"))),
                        "container c is attached to network other, which the view does not have"),
                Arguments.of(DnsView.builder().network(net)
                        .container(ContainerRecord.of("c", "s", Attachment.of("n", "10.2.0.2"))),
                        "container c has address 10.2.0.2 on network n, outside its subnets [10.1.0.0/24]"),
                Arguments.of(DnsView.builder().network(net)
                        .container(ContainerRecord.of("a", "s", Attachment.of("n", "10.1.0.2")))
                        .container(ContainerRecord.of("b", "s", Attachment.of("n", "10.1.0.2"))),
                        "address 10.1.0.2 is held by both a and b"),
                Arguments.of(DnsView.builder().network(net).network(NetworkRecord.of("N", "10.9.0.0/24", "10.9.0.1")),
                        "network N is listed twice"),
                Arguments.of(DnsView.builder().network(net).network(NetworkRecord.of("m", "10.1.0.0/16", "10.1.0.1")),
                        "networks n and m have overlapping subnets 10.1.0.0/24 and 10.1.0.0/16"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenViews")
    void inconsistentViewsFailToBuildWithTheReason(DnsViewBuilder builder, String message) {
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void ttlIsBoundedToFiveSeconds() {
        assertThat(DnsView.empty().ttlSeconds()).isEqualTo(5);
        assertThat(DnsView.builder().ttl(Duration.ZERO).build().ttlSeconds()).isZero();
        assertThatThrownBy(() -> DnsView.builder().ttl(Duration.ofSeconds(6)))
                .hasMessage("DNS TTL 6 s is outside 0..5 s");
    }

    @Test
    void networkNamesMustBeUsableInNames() {
        assertThatThrownBy(() -> NetworkRecord.of("bad name", "10.1.0.0/24", "10.1.0.1"))
                .hasMessage("network name 'bad name' cannot be used as a DNS name");
    }

    private static String text(ResourceRecord record) {
        try {
            return InetAddress.getByAddress(record.rdata()).getHostAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
