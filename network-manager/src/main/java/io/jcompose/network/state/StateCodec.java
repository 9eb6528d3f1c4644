package io.jcompose.network.state;

import io.jcompose.network.ContainerId;
import io.jcompose.network.Endpoint;
import io.jcompose.network.Network;
import io.jcompose.network.NetworkMode;
import io.jcompose.network.NetworkName;
import io.jcompose.network.PortOwner;
import io.jcompose.network.Protocol;
import io.jcompose.network.PublishedPort;
import io.jcompose.network.address.InterfaceAddress;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.MacAddress;
import io.jcompose.network.address.Subnet;
import io.jcompose.network.ipam.AddressSpace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state file's JSON shape, written and read by hand with the tree model: the file is a wire
 * format that must stay readable across versions, so it does not follow the records' shapes.
 */
final class StateCodec {

    static final int VERSION = 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StateCodec() {
    }

    static ObjectNode write(ManagerState state) {
        ObjectNode root = NODES.objectNode();
        root.put("version", VERSION);
        ArrayNode networks = root.putArray("networks");
        state.networks().values().forEach(n -> networks.add(network(n)));
        ArrayNode containers = root.putArray("containers");
        state.containers().values().forEach(c -> containers.add(container(c)));
        return root;
    }

    static ManagerState read(JsonNode root) {
        int version = root.path("version").asInt(0);
        if (version != VERSION) {
            throw new IllegalArgumentException("state file version " + version + " is not supported (expected " + VERSION + ")");
        }
        TreeMap<NetworkName, NetworkState> networks = new TreeMap<>();
        for (JsonNode n : root.path("networks").values()) {
            NetworkState network = network(n);
            networks.put(network.name(), network);
        }
        TreeMap<ContainerId, ContainerState> containers = new TreeMap<>();
        for (JsonNode c : root.path("containers").values()) {
            ContainerState container = container(c);
            containers.put(container.id(), container);
        }
        return new ManagerState(networks, containers);
    }

    private static ObjectNode network(NetworkState n) {
        ObjectNode out = NODES.objectNode();
        out.put("name", n.name().value());
        out.put("id", n.id());
        out.put("bridge", n.bridge());
        out.set("labels", stringMap(n.labels(), Function.identity()));
        out.put("internal", n.internal());
        out.put("masquerade", n.masquerade());
        out.put("mtu", n.mtu());
        ArrayNode ignored = out.putArray("ignoredDriverOptions");
        n.ignoredDriverOptions().forEach(ignored::add);
        ArrayNode subnets = out.putArray("subnets");
        for (AddressSpace space : n.spaces()) {
            ObjectNode s = subnets.addObject();
            s.put("subnet", space.pool().subnet().toString());
            s.put("gateway", space.pool().gateway().toString());
            s.put("range", space.pool().range().toString());
            s.set("aux", stringMap(space.pool().auxAddresses(), IpAddress::toString));
            ObjectNode leases = s.putObject("leases");
            new TreeMap<>(space.leases()).forEach((address, owner) -> leases.put(address.toString(), owner));
            space.last().ifPresent(last -> s.put("last", last.toString()));
        }
        return out;
    }

    private static NetworkState network(JsonNode n) {
        List<AddressSpace> spaces = new ArrayList<>();
        for (JsonNode s : n.path("subnets").values()) {
            Map<String, IpAddress> aux = new LinkedHashMap<>();
            s.path("aux").properties().forEach(e -> aux.put(e.getKey(), IpAddress.parse(e.getValue().asString())));
            Network.Pool pool = new Network.Pool(Subnet.parse(text(s, "subnet")), IpAddress.parse(text(s, "gateway")),
                    Subnet.parse(text(s, "range")), aux);
            Map<IpAddress, String> leases = new TreeMap<>();
            s.path("leases").properties().forEach(e -> leases.put(IpAddress.parse(e.getKey()), e.getValue().asString()));
            Optional<IpAddress> last = optional(s, "last").map(IpAddress::parse);
            spaces.add(new AddressSpace(pool, leases, last));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        n.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        List<String> ignored = n.path("ignoredDriverOptions").values().stream().map(JsonNode::asString).toList();
        return new NetworkState(NetworkName.of(text(n, "name")), text(n, "id"), text(n, "bridge"), labels,
                n.path("internal").asBoolean(false), n.path("masquerade").asBoolean(true), n.path("mtu").asInt(0),
                ignored, spaces);
    }

    private static ObjectNode container(ContainerState c) {
        ObjectNode out = NODES.objectNode();
        out.put("id", c.id().value());
        switch (c.mode()) {
            case NetworkMode.Bridge b -> out.put("mode", "bridge");
            case NetworkMode.Host h -> out.put("mode", "host");
            case NetworkMode.None n -> out.put("mode", "none");
            case NetworkMode.Shared s -> {
                out.put("mode", "container");
                out.put("sharedWith", s.container().value());
            }
        }
        c.ownNetns().ifPresent(p -> out.put("ownNetns", p.toString()));
        c.netns().ifPresent(p -> out.put("netns", p.toString()));
        ArrayNode endpoints = out.putArray("endpoints");
        for (Endpoint e : c.endpoints()) {
            ObjectNode o = endpoints.addObject();
            o.put("network", e.network().value());
            o.put("interface", e.interfaceName());
            o.put("hostInterface", e.hostInterface());
            o.put("mac", e.mac().toString());
            e.ipv4().ifPresent(a -> o.put("ipv4", a.toString()));
            e.ipv6().ifPresent(a -> o.put("ipv6", a.toString()));
            e.gateway4().ifPresent(a -> o.put("gateway4", a.toString()));
            e.gateway6().ifPresent(a -> o.put("gateway6", a.toString()));
            o.put("defaultRoute", e.defaultRoute());
            ArrayNode aliases = o.putArray("aliases");
            e.aliases().forEach(aliases::add);
        }
        c.owner().ifPresent(owner -> {
            ObjectNode o = out.putObject("owner");
            o.put("project", owner.project());
            o.put("service", owner.service());
        });
        ArrayNode ports = out.putArray("ports");
        for (PublishedPort p : c.ports()) {
            ObjectNode o = ports.addObject();
            o.put("protocol", p.protocol().lower());
            o.put("hostIp", p.hostIp().toString());
            o.put("hostPort", p.hostPort());
            o.put("containerIp", p.containerIp().toString());
            o.put("containerPort", p.containerPort());
        }
        return out;
    }

    private static ContainerState container(JsonNode c) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (JsonNode o : c.path("endpoints").values()) {
            endpoints.add(new Endpoint(NetworkName.of(text(o, "network")), text(o, "interface"), text(o, "hostInterface"),
                    MacAddress.parse(text(o, "mac")), optional(o, "ipv4").map(InterfaceAddress::parse),
                    optional(o, "ipv6").map(InterfaceAddress::parse), optional(o, "gateway4").map(IpAddress::parse),
                    optional(o, "gateway6").map(IpAddress::parse), o.path("defaultRoute").asBoolean(false),
                    o.path("aliases").values().stream().map(JsonNode::asString).toList()));
        }
        NetworkMode mode = switch (text(c, "mode")) {
            case "bridge" -> ContainerState.bridgeMode(endpoints);
            case "host" -> new NetworkMode.Host();
            case "none" -> new NetworkMode.None();
            case "container" -> new NetworkMode.Shared(ContainerId.of(text(c, "sharedWith")));
            default -> throw new IllegalArgumentException("unknown network mode " + text(c, "mode"));
        };
        Optional<PortOwner> owner = c.has("owner")
                ? Optional.of(new PortOwner(text(c.path("owner"), "project"), text(c.path("owner"), "service")))
                : Optional.empty();
        List<PublishedPort> ports = new ArrayList<>();
        for (JsonNode p : c.path("ports").values()) {
            ports.add(new PublishedPort(Protocol.parse(text(p, "protocol")), IpAddress.parse(text(p, "hostIp")),
                    p.path("hostPort").asInt(), IpAddress.parse(text(p, "containerIp")), p.path("containerPort").asInt()));
        }
        return new ContainerState(ContainerId.of(text(c, "id")), mode, optional(c, "ownNetns").map(Path::of),
                optional(c, "netns").map(Path::of), endpoints, owner, ports);
    }

    private static <V> ObjectNode stringMap(Map<String, V> map, Function<V, String> text) {
        ObjectNode out = NODES.objectNode();
        new TreeMap<>(map).forEach((k, v) -> out.put(k, text.apply(v)));
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("missing text field '" + field + "'");
        }
        return value.asString();
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }
}
