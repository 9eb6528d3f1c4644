package io.jcompose.agent.network;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a {@code resolv.conf} the wiring uses: nameservers (the DNS servers' upstreams) and
 * the search domains and options containers inherit. Lines it does not understand are skipped, as
 * glibc does.
 */
public record HostResolvConf(List<InetAddress> nameservers, List<String> search, List<String> options) {

    public HostResolvConf {
        nameservers = List.copyOf(nameservers);
        search = List.copyOf(search);
        options = List.copyOf(options);
    }

    public static HostResolvConf parse(String text) {
        List<InetAddress> nameservers = new ArrayList<>();
        List<String> search = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length < 2) {
                continue;
            }
            switch (f[0]) {
                case "nameserver" -> {
                    InetAddress address = literal(f[1]);
                    if (address != null) {
                        nameservers.add(address);
                    }
                }
                // the last search or domain line wins, as in glibc
                case "search", "domain" -> {
                    search.clear();
                    search.addAll(List.of(f).subList(1, f.length));
                }
                case "options" -> options.addAll(List.of(f).subList(1, f.length));
                default -> { }
            }
        }
        return new HostResolvConf(nameservers, search, options);
    }

    /** An address literal, with a zone ({@code fe80::1%eth0}) dropped; null for anything else. */
    private static InetAddress literal(String text) {
        int zone = text.indexOf('%');
        try {
            return InetAddress.ofLiteral(zone < 0 ? text : text.substring(0, zone));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
