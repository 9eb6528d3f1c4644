package io.jcompose.agent.bundle;

import java.util.ArrayList;
import java.util.List;

/**
 * The three files Docker gives every container its own copy of, bind-mounted over the image's:
 * {@code /etc/hostname}, {@code /etc/hosts} and {@code /etc/resolv.conf}.
 */
public record EtcFiles(String hostname, String hosts, String resolvConf) {

    /** The lines every container's own {@code /etc/hosts} starts with. */
    public static final String LOCAL_HOSTS = """
            127.0.0.1\tlocalhost
            ::1\tlocalhost ip6-localhost ip6-loopback
            fe00::0\tip6-localnet
            ff00::0\tip6-mcastprefix
            ff02::1\tip6-allnodes
            ff02::2\tip6-allrouters
            """;

    /**
     * @param spec          the container
     * @param hostname      its effective host name
     * @param hostHosts     the host's {@code /etc/hosts}, used as is for host networking
     * @param hostResolv    the host's {@code /etc/resolv.conf}, the base of the container's
     */
    public static EtcFiles render(ContainerSpec spec, String hostname, String hostHosts, String hostResolv) {
        NetworkSpec network = spec.network();
        boolean hostNet = network.mode() instanceof NetworkMode.Host;
        StringBuilder hosts = new StringBuilder(hostNet ? hostHosts : LOCAL_HOSTS);
        if (!hosts.isEmpty() && hosts.charAt(hosts.length() - 1) != '\n') {
            hosts.append('\n');
        }
        for (HostEntry extra : network.extraHosts()) {
            hosts.append(extra.address()).append('\t').append(extra.hostname()).append('\n');
        }
        return new EtcFiles(hostname + "\n", hosts.toString(), resolvConf(network, hostResolv, hostNet));
    }

    /**
     * The host's resolver settings, each kind replaced by the container's when it has its own. Outside
     * the host's network namespace a loopback nameserver is unreachable, so those are dropped.
     */
    static String resolvConf(NetworkSpec network, String hostResolv, boolean hostNet) {
        List<String> nameservers = new ArrayList<>();
        List<String> search = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String raw : hostResolv.split("\n")) {
            String[] f = raw.strip().split("\\s+");
            if (f.length < 2) {
                continue;
            }
            switch (f[0]) {
                case "nameserver" -> {
                    if (hostNet || !isLoopback(f[1])) {
                        nameservers.add(f[1]);
                    }
                }
                case "search", "domain" -> search.addAll(List.of(f).subList(1, f.length));
                case "options" -> options.addAll(List.of(f).subList(1, f.length));
                default -> { }
            }
        }
        StringBuilder out = new StringBuilder();
        for (String ns : network.dns().isEmpty() ? nameservers : network.dns()) {
            out.append("nameserver ").append(ns).append('\n');
        }
        List<String> s = network.dnsSearch().isEmpty() ? search : network.dnsSearch();
        if (!s.isEmpty()) {
            out.append("search ").append(String.join(" ", s)).append('\n');
        }
        List<String> o = network.dnsOptions().isEmpty() ? options : network.dnsOptions();
        if (!o.isEmpty()) {
            out.append("options ").append(String.join(" ", o)).append('\n');
        }
        return out.toString();
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1");
    }
}
