package io.jcompose.agent.network;

import static io.jcompose.agent.network.NetworkFixtures.bridge;
import static io.jcompose.agent.network.NetworkFixtures.endpoint;
import static io.jcompose.agent.network.NetworkFixtures.network;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.dns.view.ClientScope;
import io.jcompose.dns.view.DnsView;
import io.jcompose.dns.view.NetworkRecord;
import io.jcompose.network.Attachment;
import io.jcompose.network.ContainerId;
import io.jcompose.network.NetworkMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DnsViewsTest {
    static final InetAddress HOST_UPSTREAM = InetAddress.ofLiteral("192.0.2.53");

    static DnsView sample(Map<String, DnsViews.Identity> identities, List<Attachment> attachments) {
        return DnsViews.build(List.of(network("shop_front", 1, false), network("shop_back", 2, true)), attachments,
                identities, List.of(HOST_UPSTREAM, InetAddress.ofLiteral("10.9.1.1")));
    }

    static final List<Attachment> ATTACHMENTS = List.of(
            bridge("aaa", endpoint("shop_front", 1, 2, "web")),
            bridge("bbb", endpoint("shop_front", 1, 3, "api"), endpoint("shop_back", 2, 3)),
            bridge("ccc", endpoint("shop_back", 2, 4, "db")));

    static final Map<String, DnsViews.Identity> IDS = Map.of(
            "aaa", new DnsViews.Identity("shop-web-1", "web", "webhost", List.of()),
            "bbb", new DnsViews.Identity("shop-api-1", "api", "bbb000000000", List.of()),
            "ccc", new DnsViews.Identity("shop-db-1", "db", "ccc000000000",
                    List.of(new InetSocketAddress("198.51.100.7", 53))));

    /** How many IPv4 records the client gets for the name; 0 when the name is not visible to it. */
    static int found(ClientScope scope, String name) {
        var entry = scope.lookup(name);
        return entry == null ? 0 : entry.v4().size();
    }

    @Test
    void containersFindTheirNetworkNeighboursByNameHostnameAndAliasOnly() {
        DnsView view = sample(IDS, ATTACHMENTS);
        ClientScope web = view.scopeOf(InetAddress.ofLiteral("10.9.1.2"));
        assertThat(found(web, "shop-api-1")).isEqualTo(1);
        assertThat(web.lookup("api").v4()).isEqualTo(web.lookup("shop-api-1").v4());
        assertThat(found(view.scopeOf(InetAddress.ofLiteral("10.9.1.3")), "webhost")).isEqualTo(1);
        assertThat(found(web, "shop-db-1")).as("db is on a network web is not on").isZero();
        assertThat(found(web, "db")).isZero();
        ClientScope api = view.scopeOf(InetAddress.ofLiteral("10.9.1.3"));
        assertThat(found(api, "db")).as("api is on both networks").isEqualTo(1);
        assertThat(view.owns("shop-db-1")).isTrue();
    }

    @Test
    void upstreamsAreTheHostsWithoutOurGatewaysAndInternalNetworksNeverForward() {
        DnsView view = sample(IDS, ATTACHMENTS);
        NetworkRecord front = view.networks().stream().filter(n -> n.name().equals("shop_front")).findFirst().orElseThrow();
        NetworkRecord back = view.networks().stream().filter(n -> n.name().equals("shop_back")).findFirst().orElseThrow();
        assertThat(front.upstreams()).containsExactly(new InetSocketAddress(HOST_UPSTREAM, 53));
        assertThat(front.gateways()).containsExactly(InetAddress.ofLiteral("10.9.1.1"));
        assertThat(back.internal()).isTrue();
        assertThat(back.upstreams()).isEmpty();
        assertThat(view.containers().stream().filter(c -> c.name().equals("shop-db-1")).findFirst().orElseThrow()
                .upstreams()).as("the service's dns: servers").containsExactly(new InetSocketAddress("198.51.100.7", 53));
    }

    @Test
    void containersWithoutIdentityOrSharingANamespaceGetNoRecords() {
        Attachment shared = new Attachment(ContainerId.of("ddd"), new NetworkMode.Shared(ContainerId.of("aaa")),
                Optional.of(Path.of("/run/jcompose/netns/aaa")), List.of(endpoint("shop_front", 1, 2)), List.of());
        DnsView view = sample(Map.of("aaa", IDS.get("aaa"), "ddd", new DnsViews.Identity("shop-side-1", null, "d", List.of())),
                List.of(ATTACHMENTS.get(0), ATTACHMENTS.get(1), shared));
        assertThat(view.containers()).extracting(c -> c.name()).containsExactly("shop-web-1");
        assertThat(view.owns("shop-side-1")).isFalse();
        assertThat(view.owns("shop-api-1")).as("bbb has no identity: not running under this agent").isFalse();
    }
}
