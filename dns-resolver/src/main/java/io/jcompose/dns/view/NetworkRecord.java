package io.jcompose.dns.view;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * One user-defined network as the DNS sees it.
 *
 * @param name      the network's name as containers qualify names with it ({@code web.myproj_default})
 * @param subnets   its subnets; addresses in them that no container holds get NXDOMAIN for PTR, locally
 * @param gateways  its gateway addresses, where its DNS server listens; never used as upstreams
 * @param internal  an internal network has no way out: nothing asked from it is ever forwarded
 * @param upstreams where names we do not own are forwarded (the host's {@code /etc/resolv.conf})
 */
public record NetworkRecord(String name, List<Subnet> subnets, List<InetAddress> gateways, boolean internal,
                            List<InetSocketAddress> upstreams) {
    public NetworkRecord {
        Objects.requireNonNull(name, "name");
        if (!DnsNames.isEncodable(DnsNames.key(name))) {
            throw new IllegalArgumentException("network name '" + name + "' cannot be used as a DNS name");
        }
        subnets = List.copyOf(subnets);
        gateways = List.copyOf(gateways);
        upstreams = List.copyOf(upstreams);
    }

    /** A network with the given subnet and gateway, no upstreams yet. */
    public static NetworkRecord of(String name, String subnet, String gateway) {
        return new NetworkRecord(name, List.of(Subnet.parse(subnet)), List.of(InetAddress.ofLiteral(gateway)),
                false, List.of());
    }

    public NetworkRecord withInternal(boolean value) {
        return new NetworkRecord(name, subnets, gateways, value, upstreams);
    }

    public NetworkRecord withUpstreams(List<InetSocketAddress> value) {
        return new NetworkRecord(name, subnets, gateways, internal, value);
    }

    public boolean containsAddress(InetAddress address) {
        for (Subnet subnet : subnets) {
            if (subnet.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
