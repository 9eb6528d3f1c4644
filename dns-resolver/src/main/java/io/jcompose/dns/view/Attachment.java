package io.jcompose.dns.view;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A container's place on one network: its addresses there (IPv4 and IPv6 mixed) and the aliases
 * that only clients on that network can use (compose {@code networks.<net>.aliases}).
 */
public record Attachment(String network, List<InetAddress> addresses, List<String> aliases) {
    public Attachment {
        Objects.requireNonNull(network, "network");
        addresses = List.copyOf(addresses);
        aliases = List.copyOf(aliases);
    }

    public static Attachment of(String network, String... addresses) {
        return new Attachment(network, Arrays.stream(addresses).map(InetAddress::ofLiteral).toList(),
                List.of());
    }

    public Attachment withAliases(String... value) {
        return new Attachment(network, addresses, List.of(value));
    }
}
