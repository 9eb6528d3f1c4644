package io.jcompose.agent.bundle;

import io.jcompose.agent.error.AgentException;

/** One {@code /etc/hosts} line added by compose {@code extra_hosts}: {@code address hostname}. */
public record HostEntry(String hostname, String address) {
    public HostEntry {
        if (hostname == null || hostname.isBlank() || hostname.chars().anyMatch(Character::isWhitespace)) {
            throw AgentException.invalid("extra host name \"" + hostname + "\" is empty or has spaces", null);
        }
        if (address == null || address.isBlank() || address.chars().anyMatch(Character::isWhitespace)) {
            throw AgentException.invalid("extra host \"" + hostname + "\" has no valid address",
                    "write it as name:address");
        }
    }
}
