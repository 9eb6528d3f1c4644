package io.jcompose.dns.view;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * What one client may see: the names of every network it is on (merged, so a container on two
 * networks resolves names of both) and nothing else, the reverse records of addresses on those
 * networks, and where its other questions go. Scopes are built with the view, one per distinct
 * set of networks and upstreams, and shared by every client that has that set.
 */
public final class ClientScope {
    /** A client we know nothing about (not in any of our subnets): it gets no answers at all. */
    public static final ClientScope STRANGER = new ClientScope(List.of(), Map.of(), Map.of(), List.of(), false, false);

    private final List<String> networks;
    private final Map<String, NameEntry> names;
    private final Map<InetAddress, ResourceRecord> pointers;
    private final List<InetSocketAddress> upstreams;
    private final boolean member;
    private final boolean internal;

    ClientScope(List<String> networks, Map<String, NameEntry> names, Map<InetAddress, ResourceRecord> pointers,
                List<InetSocketAddress> upstreams, boolean member, boolean internal) {
        this.networks = List.copyOf(networks);
        this.names = names;
        this.pointers = pointers;
        this.upstreams = List.copyOf(upstreams);
        this.member = member;
        this.internal = internal;
    }

    /** The records of a name key ({@code web}, {@code web.myproj_default}), or null when this client cannot see it. */
    public NameEntry lookup(String key) {
        return names.get(key);
    }

    /** The PTR record of an address on one of this client's networks, or null. */
    public ResourceRecord pointer(InetAddress address) {
        return pointers.get(address);
    }

    /** Upstreams in the order to try them; empty for an internal scope or when none are configured. */
    public List<InetSocketAddress> upstreams() {
        return upstreams;
    }

    /** False for {@link #STRANGER}: a client on none of our networks, refused so we are never an open resolver. */
    public boolean isMember() {
        return member;
    }

    /** True when every network of the client is internal: nothing is forwarded, by design. */
    public boolean isInternal() {
        return internal;
    }

    /** The names of the networks this scope covers, in the client's attachment order. */
    public List<String> networks() {
        return networks;
    }

    @Override
    public String toString() {
        return "ClientScope" + networks + (internal ? " internal" : " upstreams=" + upstreams);
    }
}
