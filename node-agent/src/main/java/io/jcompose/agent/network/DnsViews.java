package io.jcompose.agent.network;

import io.jcompose.dns.view.Attachment;
import io.jcompose.dns.view.ContainerRecord;
import io.jcompose.dns.view.DnsNames;
import io.jcompose.dns.view.DnsView;
import io.jcompose.dns.view.DnsViewBuilder;
import io.jcompose.dns.view.NetworkRecord;
import io.jcompose.dns.view.Subnet;
import io.jcompose.network.Endpoint;
import io.jcompose.network.Network;
import io.jcompose.network.NetworkMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The DNS view of the network manager's state: every network with its subnets, gateways and
 * upstreams, and every container attached in bridge mode with its name, service, host name and,
 * per network, its addresses and aliases. A pure function, rebuilt whole on every change.
 *
 * <p>Containers sharing another's namespace ({@code container:}) get no records of their own, as in
 * Docker: their addresses are the other container's.
 */
public final class DnsViews {
    static final int DNS_PORT = 53;

    private DnsViews() {
    }

    /**
     * How a container is named in the DNS.
     *
     * @param service   the compose service (replicas share it), or null
     * @param upstreams the container's own {@code dns:} servers; empty for its networks' upstreams
     */
    public record Identity(String name, String service, String hostname, List<InetSocketAddress> upstreams) {
        public Identity {
            Objects.requireNonNull(name, "name");
            upstreams = List.copyOf(upstreams);
        }
    }

    /**
     * @param identities    by container id; an attachment without one is left out
     * @param hostUpstreams the host's nameservers; our own gateways among them are dropped
     */
    public static DnsView build(List<Network> networks, List<io.jcompose.network.Attachment> attachments,
                                Map<String, Identity> identities, List<InetAddress> hostUpstreams) {
        Set<InetAddress> own = new HashSet<>();
        networks.forEach(n -> n.subnets().forEach(p -> own.add(p.gateway().toInetAddress())));
        List<InetSocketAddress> upstreams = hostUpstreams.stream().filter(a -> !own.contains(a))
                .map(a -> new InetSocketAddress(a, DNS_PORT)).toList();
        DnsViewBuilder builder = DnsView.builder();
        Set<String> named = new HashSet<>();
        for (Network n : networks) {
            if (!DnsNames.isEncodable(DnsNames.key(n.name().value()))) {
                continue; // no client could ask a name qualified with it
            }
            named.add(n.name().value());
            builder.network(new NetworkRecord(n.name().value(),
                    n.subnets().stream().map(p -> Subnet.parse(p.subnet().toString())).toList(),
                    n.subnets().stream().map(p -> p.gateway().toInetAddress()).toList(),
                    n.internal(), n.internal() ? List.of() : upstreams));
        }
        for (io.jcompose.network.Attachment a : attachments) {
            Identity who = identities.get(a.container().value());
            if (who == null || !(a.mode() instanceof NetworkMode.Bridge)) {
                continue;
            }
            List<Attachment> places = new ArrayList<>();
            for (Endpoint e : a.endpoints()) {
                if (!named.contains(e.network().value())) {
                    continue;
                }
                List<InetAddress> addresses = new ArrayList<>();
                e.ipv4().ifPresent(i -> addresses.add(i.address().toInetAddress()));
                e.ipv6().ifPresent(i -> addresses.add(i.address().toInetAddress()));
                places.add(new Attachment(e.network().value(), addresses, e.aliases()));
            }
            if (!places.isEmpty()) {
                builder.container(new ContainerRecord(who.name(), who.service(), who.hostname(), places, who.upstreams()));
            }
        }
        return builder.build();
    }
}
