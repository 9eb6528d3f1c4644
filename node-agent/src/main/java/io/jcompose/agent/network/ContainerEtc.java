package io.jcompose.agent.network;

import io.jcompose.agent.bundle.EtcFiles;
import io.jcompose.agent.bundle.HostEntry;
import io.jcompose.agent.bundle.NetworkSpec;
import io.jcompose.network.Attachment;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.InterfaceAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /etc/hosts} and {@code /etc/resolv.conf} of a container on user-defined networks, the way
 * Docker writes them: the resolver is the embedded DNS on the gateway of the container's first
 * network ({@code eth0}); search domains and options are the service's or else the host's, with
 * {@code ndots:0} added unless an ndots option is given; the hosts file has the localhost lines,
 * the container's own addresses on {@code eth0} with its host name, then {@code extra_hosts}.
 *
 * <p>With {@code dns:} set the nameserver line still names the embedded DNS, which forwards that
 * container's queries to those servers (Docker's behaviour on user-defined networks), so service
 * names keep resolving.
 */
public final class ContainerEtc {
    private ContainerEtc() {
    }

    /** @param nameserver the gateway of the container's first network, where its DNS server listens */
    public static String resolvConf(Optional<IpAddress> nameserver, NetworkSpec network, HostResolvConf host) {
        StringBuilder out = new StringBuilder();
        nameserver.ifPresent(ns -> out.append("nameserver ").append(ns).append('\n'));
        List<String> search = network.dnsSearch().isEmpty() ? host.search() : network.dnsSearch();
        if (!search.isEmpty()) {
            out.append("search ").append(String.join(" ", search)).append('\n');
        }
        List<String> options = new ArrayList<>(network.dnsOptions().isEmpty() ? host.options() : network.dnsOptions());
        if (options.stream().noneMatch(o -> o.startsWith("ndots:"))) {
            // every name is first asked as given: service names are single labels and must not
            // wander through the host's search domains to the upstreams first
            options.add("ndots:0");
        }
        out.append("options ").append(String.join(" ", options)).append('\n');
        return out.toString();
    }

    /**
     * @param hostname   the container's host name
     * @param domainname its domain name, empty for none
     */
    public static String hosts(Attachment attachment, String hostname, String domainname, List<HostEntry> extraHosts) {
        StringBuilder out = new StringBuilder(EtcFiles.LOCAL_HOSTS);
        for (HostEntry extra : extraHosts) {
            out.append(extra.address()).append('\t').append(extra.hostname()).append('\n');
        }
        String names = domainname.isEmpty() ? hostname : hostname + "." + domainname + " " + hostname;
        attachment.endpoints().stream().findFirst().ifPresent(eth0 -> {
            eth0.ipv4().ifPresent(a -> out.append(a.address()).append('\t').append(names).append('\n'));
            eth0.ipv6().ifPresent(a -> out.append(a.address()).append('\t').append(names).append('\n'));
        });
        return out.toString();
    }

    static String address(Optional<InterfaceAddress> a) {
        return a.map(i -> i.address().toString()).orElse(null);
    }
}
