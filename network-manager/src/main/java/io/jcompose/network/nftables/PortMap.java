package io.jcompose.network.nftables;

import static io.jcompose.network.nftables.Expressions.NODES;
import static io.jcompose.network.nftables.Expressions.match;
import static io.jcompose.network.nftables.Expressions.meta;
import static io.jcompose.network.nftables.Expressions.payload;

import io.jcompose.network.PublishedPort;
import io.jcompose.network.address.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DNAT maps of published ports: per address family, one key of host address, protocol and
 * port, and one key of protocol and port for "every address"; each key has one map to the
 * container's address and one to its port.
 */
enum PortMap {
    PORTS4(IpFamily.V4, true),
    PORTS4ANY(IpFamily.V4, false),
    PORTS6(IpFamily.V6, true),
    PORTS6ANY(IpFamily.V6, false);

    static final List<String> PARTS = List.of("addr", "port");

    private final IpFamily family;
    private final boolean byAddress;

    PortMap(IpFamily family, boolean byAddress) {
        this.family = family;
        this.byAddress = byAddress;
    }

    /** The map from key to container address ({@code part} "addr") or to container port ("port"). */
    String mapName(String part) {
        return name().toLowerCase(java.util.Locale.ROOT) + "_" + part;
    }

    private String addressType() {
        return family == IpFamily.V4 ? "ipv4_addr" : "ipv6_addr";
    }

    /** The map a published port goes to; none for the IPv6 loopback, which is relayed. */
    static Optional<PortMap> of(PublishedPort p) {
        IpFamily family = p.hostIp().family();
        if (family == IpFamily.V6 && p.hostIp().isLoopback()) {
            return Optional.empty();
        }
        boolean any = p.hostIp().isUnspecified();
        return Optional.of(family == IpFamily.V4 ? (any ? PORTS4ANY : PORTS4) : (any ? PORTS6ANY : PORTS6));
    }

    /** The two map declarations (nft 1.0.6's JSON cannot declare a concatenated map value, so address and port are looked up apart). */
    List<ObjectNode> declarations(String table) {
        List<ObjectNode> out = new ArrayList<>(2);
        for (String part : PARTS) {
            ObjectNode command = NODES.objectNode();
            ObjectNode m = command.putObject("map");
            m.put("family", "inet");
            m.put("table", table);
            m.put("name", mapName(part));
            ArrayNode type = m.putArray("type");
            if (byAddress) {
                type.add(addressType());
            }
            type.add("inet_proto");
            type.add("inet_service");
            m.put("map", part.equals("addr") ? addressType() : "inet_service");
            out.add(command);
        }
        return out;
    }

    List<ObjectNode> references(String table) {
        List<ObjectNode> out = new ArrayList<>(2);
        for (String part : PARTS) {
            ObjectNode command = NODES.objectNode();
            ObjectNode m = command.putObject("map");
            m.put("family", "inet");
            m.put("table", table);
            m.put("name", mapName(part));
            out.add(command);
        }
        return out;
    }

    /** The element of {@code p} in the {@code part} map: key and value, or only the key (enough to delete it). */
    JsonNode element(PublishedPort p, String part, boolean withValue) {
        ArrayNode key = NODES.arrayNode();
        if (byAddress) {
            key.add(p.hostIp().toString());
        }
        key.add(p.protocol().lower());
        key.add(p.hostPort());
        ObjectNode keyNode = NODES.objectNode();
        keyNode.set("concat", key);
        if (!withValue) {
            return keyNode;
        }
        ArrayNode pair = NODES.arrayNode();
        pair.add(keyNode);
        if (part.equals("addr")) {
            pair.add(p.containerIp().toString());
        } else {
            pair.add(p.containerPort());
        }
        return pair;
    }

    /** The statements of this map's rule in the {@code published} chain. */
    JsonNode[] rule() {
        ObjectNode dnat = NODES.objectNode();
        ObjectNode d = dnat.putObject("dnat");
        d.put("family", family.nftPayload());
        d.set("addr", lookup("addr"));
        d.set("port", lookup("port"));
        if (byAddress) {
            return new JsonNode[] {dnat};
        }
        JsonNode guard = family == IpFamily.V4 ? match("==", meta("nfproto"), "ipv4")
                : match("!=", payload("ip6", "daddr"), "::1");
        return new JsonNode[] {guard, dnat};
    }

    private ObjectNode lookup(String part) {
        ArrayNode keyParts = NODES.arrayNode();
        if (byAddress) {
            keyParts.add(payload(family.nftPayload(), "daddr"));
        }
        keyParts.add(meta("l4proto"));
        keyParts.add(payload("th", "dport"));
        ObjectNode key = NODES.objectNode();
        key.set("concat", keyParts);
        ObjectNode lookup = NODES.objectNode();
        ObjectNode map = lookup.putObject("map");
        map.set("key", key);
        map.put("data", "@" + mapName(part));
        return lookup;
    }
}
