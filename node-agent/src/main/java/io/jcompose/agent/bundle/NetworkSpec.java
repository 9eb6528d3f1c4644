package io.jcompose.agent.bundle;

import java.util.List;
import java.util.Objects;

/**
 * Network settings that end up in the container's namespaces and its {@code /etc} files.
 *
 * @param mode       which network namespace
 * @param extraHosts extra {@code /etc/hosts} entries
 * @param dns        nameservers for {@code /etc/resolv.conf}; empty keeps the host's
 * @param dnsSearch  search domains; empty keeps the host's
 * @param dnsOptions resolver options; empty keeps the host's
 */
public record NetworkSpec(NetworkMode mode, List<HostEntry> extraHosts, List<String> dns, List<String> dnsSearch,
                          List<String> dnsOptions) {
    public NetworkSpec {
        Objects.requireNonNull(mode, "mode");
        extraHosts = List.copyOf(extraHosts);
        dns = List.copyOf(dns);
        dnsSearch = List.copyOf(dnsSearch);
        dnsOptions = List.copyOf(dnsOptions);
    }

    public static NetworkSpec of(NetworkMode mode) {
        return new NetworkSpec(mode, List.of(), List.of(), List.of(), List.of());
    }
}
