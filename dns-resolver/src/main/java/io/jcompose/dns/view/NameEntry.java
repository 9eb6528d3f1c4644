package io.jcompose.dns.view;

import java.util.List;

/** Everything one name resolves to for one client: its IPv4 and IPv6 address records. */
public record NameEntry(List<ResourceRecord> v4, List<ResourceRecord> v6) {
    public NameEntry {
        v4 = List.copyOf(v4);
        v6 = List.copyOf(v6);
    }
}
