package io.jcompose.dns.view;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects networks and containers and derives the lookup tables of a {@link DnsView}. {@link #build()}
 * checks the whole picture and throws {@link IllegalArgumentException} naming the first
 * inconsistency (an unknown network, an address outside its network, an address held twice,
 * overlapping subnets); the caller then keeps serving its previous view.
 */
public final class DnsViewBuilder {
    private final List<NetworkRecord> networks = new ArrayList<>();
    private final List<ContainerRecord> containers = new ArrayList<>();
    private Duration ttl = DnsView.DEFAULT_TTL;
    private boolean forwardSingleLabelNames;

    DnsViewBuilder() {
    }

    public DnsViewBuilder network(NetworkRecord network) {
        networks.add(network);
        return this;
    }

    public DnsViewBuilder container(ContainerRecord container) {
        containers.add(container);
        return this;
    }

    /** The TTL of every answer, 0 to {@link DnsView#MAX_TTL}, whole seconds. */
    public DnsViewBuilder ttl(Duration value) {
        if (value.isNegative() || value.compareTo(DnsView.MAX_TTL) > 0) {
            throw new IllegalArgumentException("DNS TTL " + value.toSeconds() + " s is outside 0.."
                    + DnsView.MAX_TTL.toSeconds() + " s");
        }
        ttl = value;
        return this;
    }

    /** See {@link DnsView#forwardsSingleLabelNames()}. */
    public DnsViewBuilder forwardSingleLabelNames(boolean value) {
        forwardSingleLabelNames = value;
        return this;
    }

    public DnsView build() {
        Map<String, NetworkRecord> byKey = indexNetworks();
        Set<InetAddress> gateways = new HashSet<>();
        byKey.values().forEach(n -> gateways.addAll(n.gateways()));

        Map<String, NetworkTable> tables = new HashMap<>();
        byKey.keySet().forEach(k -> tables.put(k, new NetworkTable()));
        Set<String> ownedNames = new HashSet<>();
        Map<InetAddress, String> holders = new HashMap<>();
        for (ContainerRecord container : containers) {
            for (Attachment attachment : container.attachments()) {
                String networkKey = DnsNames.key(attachment.network());
                NetworkRecord network = byKey.get(networkKey);
                if (network == null) {
                    throw new IllegalArgumentException("container " + container.name() + " is attached to network "
                            + attachment.network() + ", which the view does not have");
                }
                for (InetAddress address : attachment.addresses()) {
                    checkAddress(container, network, address, holders);
                }
                register(container, attachment, networkKey, tables.get(networkKey), ownedNames);
            }
        }

        ScopeFactory scopes = new ScopeFactory(byKey, tables, gateways);
        Map<InetAddress, ClientScope> byAddress = new HashMap<>();
        for (ContainerRecord container : containers) {
            List<String> keys = container.attachments().stream().map(a -> DnsNames.key(a.network())).distinct().toList();
            ClientScope scope = scopes.scope(keys, container.upstreams());
            container.attachments().forEach(a -> a.addresses().forEach(address -> byAddress.put(address, scope)));
        }
        List<Map.Entry<NetworkRecord, ClientScope>> bySubnet = new ArrayList<>();
        byKey.forEach((key, network) ->
                bySubnet.add(new AbstractMap.SimpleImmutableEntry<>(network, scopes.scope(List.of(key), List.of()))));

        return new DnsView(networks, containers, byAddress, bySubnet, ownedNames, byKey.keySet(),
                (int) ttl.toSeconds(), forwardSingleLabelNames);
    }

    private Map<String, NetworkRecord> indexNetworks() {
        Map<String, NetworkRecord> byKey = new LinkedHashMap<>();
        for (NetworkRecord network : networks) {
            NetworkRecord previous = byKey.putIfAbsent(DnsNames.key(network.name()), network);
            if (previous != null) {
                throw new IllegalArgumentException("network " + network.name() + " is listed twice");
            }
            for (NetworkRecord other : byKey.values()) {
                if (other == network) {
                    continue;
                }
                for (Subnet mine : network.subnets()) {
                    for (Subnet theirs : other.subnets()) {
                        if (mine.overlaps(theirs)) {
                            throw new IllegalArgumentException("networks " + other.name() + " and " + network.name()
                                    + " have overlapping subnets " + theirs + " and " + mine);
                        }
                    }
                }
            }
        }
        return byKey;
    }

    private static void checkAddress(ContainerRecord container, NetworkRecord network, InetAddress address,
                                     Map<InetAddress, String> holders) {
        if (!network.subnets().isEmpty() && !network.containsAddress(address)) {
            throw new IllegalArgumentException("container " + container.name() + " has address "
                    + address.getHostAddress() + " on network " + network.name() + ", outside its subnets "
                    + network.subnets());
        }
        String holder = holders.putIfAbsent(address, container.name());
        if (holder != null) {
            throw new IllegalArgumentException("address " + address.getHostAddress() + " is held by both "
                    + holder + " and " + container.name());
        }
    }

    /** Every name of the container on one network, plain and qualified by the network's name. */
    private static void register(ContainerRecord container, Attachment attachment, String networkKey,
                                 NetworkTable table, Set<String> ownedNames) {
        Set<String> names = new LinkedHashSet<>();
        names.add(DnsNames.key(container.name()));
        if (container.service() != null) {
            names.add(DnsNames.key(container.service()));
        }
        if (container.hostname() != null) {
            names.add(DnsNames.key(container.hostname()));
        }
        attachment.aliases().forEach(alias -> names.add(DnsNames.key(alias)));
        for (String name : names) {
            for (String key : List.of(name, name + "." + networkKey)) {
                if (DnsNames.isEncodable(key)) {
                    table.add(key, attachment.addresses());
                    ownedNames.add(key);
                }
            }
        }
        String target = DnsNames.key(container.name()) + "." + networkKey;
        if (DnsNames.isEncodable(target)) {
            ResourceRecord pointer = ResourceRecord.pointer(target);
            attachment.addresses().forEach(address -> table.pointers.put(address, pointer));
        }
    }

    /** The names and reverse records of one network, in registration order. */
    static final class NetworkTable {
        final Map<String, Set<ResourceRecord>> names = new LinkedHashMap<>();
        final Map<InetAddress, ResourceRecord> pointers = new LinkedHashMap<>();

        void add(String key, List<InetAddress> addresses) {
            Set<ResourceRecord> records = names.computeIfAbsent(key, k -> new LinkedHashSet<>());
            addresses.forEach(address -> records.add(ResourceRecord.address(address)));
        }
    }

    /** Builds scopes, sharing one per distinct (networks, upstreams) pair, and their merged name tables. */
    private static final class ScopeFactory {
        private final Map<String, NetworkRecord> networks;
        private final Map<String, NetworkTable> tables;
        private final Set<InetAddress> gateways;
        private final Map<List<String>, Map<String, NameEntry>> mergedNames = new HashMap<>();
        private final Map<List<String>, Map<InetAddress, ResourceRecord>> mergedPointers = new HashMap<>();
        private final Map<List<Object>, ClientScope> scopes = new HashMap<>();

        ScopeFactory(Map<String, NetworkRecord> networks, Map<String, NetworkTable> tables, Set<InetAddress> gateways) {
            this.networks = networks;
            this.tables = tables;
            this.gateways = gateways;
        }

        ClientScope scope(List<String> networkKeys, List<InetSocketAddress> ownUpstreams) {
            return scopes.computeIfAbsent(List.of(networkKeys, ownUpstreams), k -> {
                boolean internal = networkKeys.stream().allMatch(n -> networks.get(n).internal());
                List<InetSocketAddress> upstreams = internal ? List.of() : upstreams(networkKeys, ownUpstreams);
                List<String> names = networkKeys.stream().map(n -> networks.get(n).name()).toList();
                return new ClientScope(names, mergedNames(networkKeys), mergedPointers(networkKeys), upstreams,
                        true, internal);
            });
        }

        /** The service's own servers, else those of its non-internal networks in order; never one of our gateways. */
        private List<InetSocketAddress> upstreams(List<String> networkKeys, List<InetSocketAddress> ownUpstreams) {
            Set<InetSocketAddress> result = new LinkedHashSet<>(ownUpstreams);
            if (result.isEmpty()) {
                for (String key : networkKeys) {
                    NetworkRecord network = networks.get(key);
                    if (!network.internal()) {
                        result.addAll(network.upstreams());
                    }
                }
            }
            result.removeIf(upstream -> gateways.contains(upstream.getAddress()));
            return List.copyOf(result);
        }

        private Map<String, NameEntry> mergedNames(List<String> networkKeys) {
            return mergedNames.computeIfAbsent(networkKeys, k -> {
                Map<String, Set<ResourceRecord>> union = new LinkedHashMap<>();
                for (String key : networkKeys) {
                    tables.get(key).names.forEach((name, records) ->
                            union.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(records));
                }
                Map<String, NameEntry> entries = new HashMap<>();
                union.forEach((name, records) -> {
                    List<ResourceRecord> v4 = new ArrayList<>();
                    List<ResourceRecord> v6 = new ArrayList<>();
                    records.forEach(r -> (r.rdata().length == 4 ? v4 : v6).add(r));
                    entries.put(name, new NameEntry(v4, v6));
                });
                return Map.copyOf(entries);
            });
        }

        private Map<InetAddress, ResourceRecord> mergedPointers(List<String> networkKeys) {
            return mergedPointers.computeIfAbsent(networkKeys, k -> {
                Map<InetAddress, ResourceRecord> union = new HashMap<>();
                networkKeys.forEach(key -> union.putAll(tables.get(key).pointers));
                return Map.copyOf(union);
            });
        }
    }
}
