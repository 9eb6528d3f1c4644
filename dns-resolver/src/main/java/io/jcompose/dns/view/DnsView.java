package io.jcompose.dns.view;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of every name the DNS answers for: the networks, the containers on them,
 * and lookup tables derived from both. A server holds one view and replaces it whole when a
 * container is added, removed or changes address; a query uses the view it started with from
 * beginning to end, so a swap never loses or mixes an answer.
 *
 * <p>All lookups are hash lookups: the client's source address gives its {@link ClientScope} (the
 * networks it is on), and the scope gives the records of a name.
 *
 * <pre>{@code
 * DnsView view = DnsView.builder()
 *         .network(NetworkRecord.of("shop_front", "172.30.1.0/24", "172.30.1.1")
 *                 .withUpstreams(List.of(new InetSocketAddress("192.0.2.53", 53))))
 *         .container(ContainerRecord.of("shop-web-1", "web", Attachment.of("shop_front", "172.30.1.2")))
 *         .container(ContainerRecord.of("shop-web-2", "web", Attachment.of("shop_front", "172.30.1.3")))
 *         .build();
 * view.scopeOf(InetAddress.ofLiteral("172.30.1.2")).lookup("web");   // both replicas' A records
 * }</pre>
 */
public final class DnsView {
    /** The TTL of every answer unless the builder is told otherwise; low so a restarted container is found at once. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);
    /** The longest TTL a view accepts: names follow containers that come and go. */
    public static final Duration MAX_TTL = Duration.ofSeconds(5);

    private final List<NetworkRecord> networks;
    private final List<ContainerRecord> containers;
    private final Map<InetAddress, ClientScope> scopesByAddress;
    private final List<Map.Entry<NetworkRecord, ClientScope>> scopesBySubnet;
    private final Set<String> ownedNames;
    private final Set<String> networkKeys;
    private final int ttlSeconds;
    private final boolean forwardSingleLabelNames;

    DnsView(List<NetworkRecord> networks, List<ContainerRecord> containers,
            Map<InetAddress, ClientScope> scopesByAddress, List<Map.Entry<NetworkRecord, ClientScope>> scopesBySubnet,
            Set<String> ownedNames, Set<String> networkKeys, int ttlSeconds, boolean forwardSingleLabelNames) {
        this.networks = List.copyOf(networks);
        this.containers = List.copyOf(containers);
        this.scopesByAddress = Map.copyOf(scopesByAddress);
        this.scopesBySubnet = List.copyOf(scopesBySubnet);
        this.ownedNames = Set.copyOf(ownedNames);
        this.networkKeys = Set.copyOf(networkKeys);
        this.ttlSeconds = ttlSeconds;
        this.forwardSingleLabelNames = forwardSingleLabelNames;
    }

    public static DnsViewBuilder builder() {
        return new DnsViewBuilder();
    }

    /** A view with no networks: every client is a stranger. What a server holds before its first update. */
    public static DnsView empty() {
        return builder().build();
    }

    /**
     * The scope of a client by its source address: the container that holds the address; failing
     * that, the network whose subnet contains it (a container the view does not list yet, or the
     * host itself through the gateway); failing that, {@link ClientScope#STRANGER}.
     */
    public ClientScope scopeOf(InetAddress client) {
        ClientScope scope = scopesByAddress.get(client);
        if (scope != null) {
            return scope;
        }
        for (Map.Entry<NetworkRecord, ClientScope> entry : scopesBySubnet) {
            if (entry.getKey().containsAddress(client)) {
                return entry.getValue();
            }
        }
        return ClientScope.STRANGER;
    }

    /**
     * Whether a name key is ours, for any client: a name registered on any network, a network name,
     * or a name under one ({@code nosuch.shop_front}). Such names are answered locally, never
     * forwarded, even when the asking client may not see them.
     */
    public boolean owns(String key) {
        if (ownedNames.contains(key) || networkKeys.contains(key)) {
            return true;
        }
        for (int dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', dot + 1)) {
            if (networkKeys.contains(key.substring(dot + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Whether an address lies in one of our subnets: its PTR is answered locally, found or not. */
    public boolean inOwnSubnet(InetAddress address) {
        for (NetworkRecord network : networks) {
            if (network.containsAddress(address)) {
                return true;
            }
        }
        return false;
    }

    public int ttlSeconds() {
        return ttlSeconds;
    }

    /**
     * Whether a single-label name that is not ours ({@code nosuch}) is forwarded. Off by default:
     * such a name is what a client asks last, after its search domains, and no public server
     * resolves it, so it gets NXDOMAIN at once instead of a round trip upstream.
     */
    public boolean forwardsSingleLabelNames() {
        return forwardSingleLabelNames;
    }

    public List<NetworkRecord> networks() {
        return networks;
    }

    public List<ContainerRecord> containers() {
        return containers;
    }

    @Override
    public String toString() {
        return "DnsView[" + networks.size() + " networks, " + containers.size() + " containers]";
    }
}
