package io.jcompose.dns.testing;

import io.jcompose.dns.view.Attachment;
import io.jcompose.dns.view.ContainerRecord;
import io.jcompose.dns.view.DnsView;
import io.jcompose.dns.view.DnsViewBuilder;
import io.jcompose.dns.view.NetworkRecord;
import io.jcompose.dns.view.Subnet;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The project most tests ask about, a shop with three networks:
 * <pre>
 * shop_front 10.10.1.0/24 + fd00:10:1::/64   web ×3 (web-1 dual stack), api (alias gateway), cache
 * shop_back  10.10.2.0/24                    db (alias database), api (alias backend; hostname apihost)
 * shop_vault 10.10.3.0/24, internal          vault
 * </pre>
 * The first two octets are a parameter: loopback tests use 127.10.x.y (every address of 127/8 is
 * local on Linux, so a test client can bind to a container's address and be that container), the
 * namespace tests 198.19.x.y (RFC 2544's benchmarking range, which no real network routes).
 */
public final class SampleProject {
    public static final String FRONT = "shop_front";
    public static final String BACK = "shop_back";
    public static final String VAULT = "shop_vault";

    private final String prefix;

    public SampleProject(String firstTwoOctets) {
        this.prefix = firstTwoOctets;
    }

    /** The unit-test flavour, on 10.10.x.y. */
    public static SampleProject tenNet() {
        return new SampleProject("10.10");
    }

    /** The loopback flavour, on 127.10.x.y. */
    public static SampleProject loopback() {
        return new SampleProject("127.10");
    }

    public String ip(int network, int host) {
        return prefix + "." + network + "." + host;
    }

    public InetAddress address(int network, int host) {
        return InetAddress.ofLiteral(ip(network, host));
    }

    public DnsViewBuilder builder(List<InetSocketAddress> upstreams) {
        NetworkRecord front = new NetworkRecord(FRONT,
                List.of(Subnet.parse(ip(1, 0) + "/24"), Subnet.parse("fd00:10:1::/64")),
                List.of(address(1, 1), InetAddress.ofLiteral("fd00:10:1::1")), false, upstreams);
        NetworkRecord back = NetworkRecord.of(BACK, ip(2, 0) + "/24", ip(2, 1)).withUpstreams(upstreams);
        NetworkRecord vault = NetworkRecord.of(VAULT, ip(3, 0) + "/24", ip(3, 1)).withInternal(true)
                .withUpstreams(upstreams);
        return DnsView.builder().network(front).network(back).network(vault)
                .container(ContainerRecord.of("shop-web-1", "web",
                        Attachment.of(FRONT, ip(1, 11), "fd00:10:1::11")))
                .container(ContainerRecord.of("shop-web-2", "web", Attachment.of(FRONT, ip(1, 12))))
                .container(ContainerRecord.of("shop-web-3", "web", Attachment.of(FRONT, ip(1, 13))))
                .container(ContainerRecord.of("shop-db-1", "db", Attachment.of(BACK, ip(2, 21)).withAliases("database")))
                .container(ContainerRecord.of("shop-api-1", "api",
                        Attachment.of(FRONT, ip(1, 31)).withAliases("gateway"),
                        Attachment.of(BACK, ip(2, 31)).withAliases("backend")).withHostname("apihost"))
                .container(ContainerRecord.of("shop-cache-1", "cache", Attachment.of(FRONT, ip(1, 51))))
                .container(ContainerRecord.of("shop-vault-1", "vault", Attachment.of(VAULT, ip(3, 41))));
    }

    public DnsView view(List<InetSocketAddress> upstreams) {
        return builder(upstreams).build();
    }

    public DnsView view() {
        return view(List.of(new InetSocketAddress(InetAddress.ofLiteral("127.0.53.53"), 53)));
    }
}
