package io.jcompose.network;

import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.IpFamily;
import io.jcompose.network.attach.AttachPlan;
import io.jcompose.network.attach.AttachPlanner;
import io.jcompose.network.attach.Veths;
import io.jcompose.network.ipam.AddressSpace;
import io.jcompose.network.ipam.PoolPlanner;
import io.jcompose.network.port.Binding;
import io.jcompose.network.port.PortPlanner;
import io.jcompose.network.port.PortPublisher;
import io.jcompose.network.port.PortReservations;
import io.jcompose.network.state.ContainerState;
import io.jcompose.network.state.ManagerState;
import io.jcompose.network.state.NetworkState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Container networking for one host: bridge networks with IPAM, a network namespace per container
 * with one veth per network, nftables rules (masquerade, isolation, published ports by DNAT) in one
 * table of our own, and a state file so that all of it survives an agent restart.
 *
 * <p>Lifecycle: {@link #open} loads the state and re-reserves published ports; the agent then calls
 * {@link #cleanupLeftovers()} once, and afterwards creates networks, attaches and detaches
 * containers. {@link #close()} releases only the JVM's resources: networks, namespaces and rules
 * stay, so containers keep running while the agent restarts. {@link #removeAll()} tears
 * everything down. Every method is atomic: it either completes or fails without leaving anything
 * half made (kernel objects are removed again, leases and reservations released). Methods are
 * serialised; each takes a few milliseconds.
 *
 * <p>A worked example: two containers on a project network, one of them publishing a port.
 * <pre>{@code
 * try (NetworkManager networks = NetworkManager.open(NetworkManagerConfig.defaults())) {
 *     networks.cleanupLeftovers();
 *     Network net = networks.create(NetworkSpec.of("shop_default")
 *             .withLabels(Map.of("com.docker.compose.project", "shop")));
 *     // net.bridge() = "jcb3f9c2a1d07e4", net.subnets().get(0).subnet() = 172.17.0.0/16 (first free)
 *
 *     Attachment db = networks.attach(AttachRequest.of(ContainerId.of("shop-db-1"),
 *             NetworkMode.bridge(EndpointSpec.of("shop_default").withAliases(List.of("db")))));
 *     // db.netns() = /run/jcompose/netns/shop-db-1: hand it to the OCI runtime as the network namespace
 *     // db.endpoints().get(0): eth0, 172.17.0.2/16, MAC 02:42:ac:11:00:02, default route via 172.17.0.1
 *
 *     Attachment web = networks.attach(AttachRequest.of(ContainerId.of("shop-web-1"),
 *                     NetworkMode.bridge(EndpointSpec.of("shop_default")))
 *             .withPorts(new PortOwner("shop", "web"), List.of(PortMapping.tcp(8080, 80))));
 *     // web.ports(): 0.0.0.0:8080->172.17.0.3:80/tcp, reachable from other hosts, from 127.0.0.1
 *     // and from db through the host's address; a second attach asking for 8080 fails with
 *     // "host port 0.0.0.0:8080/tcp … is already published by project shop, service web".
 *
 *     networks.detach(ContainerId.of("shop-web-1"));   // veth, namespace, DNAT rule, lease gone
 *     networks.detach(ContainerId.of("shop-db-1"));
 *     networks.remove(NetworkName.of("shop_default")); // bridge and its rules gone
 * }
 * }</pre>
 */
public final class NetworkManager implements AutoCloseable {

    private final NetworkManagerConfig config;
    private final HostTools tools;
    private ManagerState state;
    private final List<String> lostReservations = new ArrayList<>();

    private NetworkManager(NetworkManagerConfig config, HostTools tools, ManagerState state) {
        this.config = config;
        this.tools = tools;
        this.state = state;
    }

    /** Loads the saved state and re-reserves the ports it publishes. Changes nothing in the kernel. */
    public static NetworkManager open(NetworkManagerConfig config) {
        HostTools tools = HostTools.of(config);
        NetworkManager manager = new NetworkManager(config, tools, tools.store().load());
        manager.reserveSavedPorts();
        return manager;
    }

    public NetworkManagerConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- networks

    /**
     * Creates the network: subnets from {@code ipam.config} or the default pools, its bridge with
     * the gateway addresses, its rules. For an {@code external} spec nothing is created: the
     * network must exist already and is returned.
     */
    public synchronized Network create(NetworkSpec spec) {
        Optional<NetworkState> existing = state.network(spec.name());
        if (spec.external()) {
            return existing.map(NetworkState::toNetwork).orElseThrow(() -> NetworkException.notFound(
                    "network " + spec.name() + " is declared as external but does not exist",
                    "create it first (jcompose network create " + spec.name() + "), or remove external: true"));
        }
        if (existing.isPresent()) {
            throw new NetworkException(NetworkException.Kind.ALREADY_EXISTS, "network " + spec.name() + " already exists");
        }
        Map<io.jcompose.network.address.Subnet, NetworkName> taken = new HashMap<>();
        state.networks().values().forEach(n -> n.spaces().forEach(s -> taken.put(s.pool().subnet(), n.name())));
        List<io.jcompose.network.address.Subnet> routes = new ArrayList<>(tools.routes().destinations(IpFamily.V4));
        if (spec.enableIpv6()) {
            routes.addAll(tools.routes().destinations(IpFamily.V6));
        }
        List<AddressSpace> spaces = new PoolPlanner(config.pools(), taken, routes).plan(spec).stream()
                .map(AddressSpace::of).toList();
        String id = HexFormat.of().formatHex(randomBytes(32));
        Set<String> bridges = new HashSet<>();
        state.networks().values().forEach(n -> bridges.add(n.bridge()));
        String bridge = tools.names().bridge(id, bridges::contains);
        NetworkState network = new NetworkState(spec.name(), id, bridge, spec.labels(), spec.internal(),
                spec.masquerade(), spec.mtu(), spec.ignoredDriverOptions(), spaces);
        ManagerState next = state.withNetwork(network);

        tools.bridges().create(bridge, spec.mtu(), spaces);
        try {
            if (config.manageForwarding()) {
                tools.sysctl().set("net.ipv4.ip_forward", "1");
                if (network.space(IpFamily.V6).isPresent()) {
                    tools.sysctl().set("net.ipv6.conf.all.forwarding", "1");
                }
            }
            tools.firewall().applyWithBypass(next);
            save(next, state);
        } catch (RuntimeException e) {
            tools.bridges().removeQuietly(bridge);
            throw e;
        }
        state = next;
        return network.toNetwork();
    }

    /** Removes the network's bridge and rules and forgets its leases. Fails while containers are attached. */
    public synchronized void remove(NetworkName name) {
        NetworkState network = state.network(name).orElseThrow(() -> NetworkException.notFound(
                "network " + name + " does not exist", null));
        List<String> users = state.containers().values().stream()
                .filter(c -> c.endpoints().stream().anyMatch(e -> e.network().equals(name)))
                .map(c -> c.id().value()).toList();
        if (!users.isEmpty()) {
            throw NetworkException.conflict("network " + name + " has active endpoints: " + String.join(", ", users),
                    "detach those containers first");
        }
        ManagerState next = state.withoutNetwork(name);
        tools.firewall().applyWithBypass(next);
        try {
            tools.bridges().remove(network.bridge());
        } catch (RuntimeException e) {
            if (!e.getMessage().contains("Cannot find device")) {
                tools.firewall().apply(state);
                throw e;
            }
        }
        save(next, state);
        state = next;
    }

    public synchronized Optional<Network> get(NetworkName name) {
        return state.network(name).map(NetworkState::toNetwork);
    }

    public synchronized List<Network> list() {
        return state.networks().values().stream().map(NetworkState::toNetwork).toList();
    }

    // ---------------------------------------------------------------- containers

    /**
     * Networks a container: ports are planned and reserved first (a taken port fails here, before
     * anything exists), then its namespace, veths, addresses and routes, then the DNAT rules.
     */
    public synchronized Attachment attach(AttachRequest request) {
        ContainerId id = request.container();
        if (state.container(id).isPresent()) {
            throw new NetworkException(NetworkException.Kind.ALREADY_EXISTS, "container " + id + " is already attached");
        }
        return switch (request.mode()) {
            case NetworkMode.Host host -> record(new ContainerState(id, host, Optional.empty(), Optional.empty(),
                    List.of(), Optional.empty(), List.of()));
            case NetworkMode.Shared shared -> attachShared(request, shared);
            case NetworkMode.None none -> attachBridge(request, List.of());
            case NetworkMode.Bridge bridge -> attachBridge(request, bridge.endpoints());
        };
    }

    private Attachment attachShared(AttachRequest request, NetworkMode.Shared shared) {
        ContainerState target = state.container(shared.container()).orElseThrow(() -> NetworkException.notFound(
                "container " + shared.container() + " whose network namespace " + request.container() + " should share is not attached",
                "start " + shared.container() + " first"));
        if (target.netns().isEmpty()) {
            throw NetworkException.precondition("container " + shared.container() + " uses the host's network",
                    "use network_mode: host for " + request.container() + " as well");
        }
        if (!request.ports().isEmpty()) {
            throw NetworkException.invalid("container " + request.container() + " shares the network namespace of "
                    + shared.container() + " and cannot publish ports of its own", "publish the ports on " + shared.container());
        }
        return record(new ContainerState(request.container(), shared, Optional.empty(), target.netns(),
                target.endpoints(), Optional.empty(), List.of()));
    }

    private Attachment attachBridge(AttachRequest request, List<EndpointSpec> specs) {
        ContainerId id = request.container();
        Set<String> usedNames = usedLinkNames();
        AttachPlan plan = AttachPlanner.plan(id, specs, state, tools.names(), usedNames::contains, tools.random());
        List<Binding> bindings = PortPlanner.excludeTaken(
                PortPlanner.plan(id, defaultRouteAddresses(plan.endpoints()), request.ports()), state.containers().values());
        PortPublisher.Result ports = tools.publisher().reserve(bindings);
        Path netns = null;
        try {
            netns = tools.namespaces().create(id, Veths.namespaceBatch(plan.steps(), config.host().file()));
            tools.veths().connect(plan);
            ContainerState container = new ContainerState(id, request.mode(), Optional.of(netns), Optional.of(netns),
                    plan.endpoints(), ports.ports().isEmpty() ? Optional.empty() : request.owner(), ports.ports());
            ManagerState next = plan.stateWithLeases().withContainer(container);
            tools.firewall().publish(ports.ports(), next);
            save(next, state);
            state = next;
            tools.reservations().keep(id, ports.reservations());
            return container.toAttachment();
        } catch (RuntimeException e) {
            PortReservations.closeAll(ports.reservations());
            try {
                if (netns != null) {
                    // the namespace was made, so every host end of the plan exists and is ours
                    tools.veths().remove(plan.endpoints().stream().map(Endpoint::hostInterface).toList(), id.value());
                    tools.namespaces().remove(netns);
                }
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Removes the container's veths, namespace, published ports and leases. Detaching an unknown container is a no-op. */
    public synchronized void detach(ContainerId id) {
        Optional<ContainerState> found = state.container(id);
        if (found.isEmpty()) {
            return;
        }
        ContainerState container = found.get();
        List<String> sharers = state.containers().values().stream()
                .filter(c -> c.mode() instanceof NetworkMode.Shared s && s.container().equals(id))
                .map(c -> c.id().value()).toList();
        if (!sharers.isEmpty()) {
            throw NetworkException.conflict("containers " + String.join(", ", sharers) + " share the network namespace of " + id,
                    "detach them first");
        }
        ManagerState next = state.withoutContainer(id);
        tools.firewall().withdraw(container.ports(), next);
        if (container.ownNetns().isPresent()) {
            tools.veths().remove(container.endpoints().stream().map(Endpoint::hostInterface).toList(), id.value());
            tools.namespaces().remove(container.ownNetns().get());
        }
        tools.reservations().release(id);
        save(next, state);
        state = next;
    }

    public synchronized Optional<Attachment> attachment(ContainerId id) {
        return state.container(id).map(ContainerState::toAttachment);
    }

    public synchronized List<Attachment> attachments() {
        return state.containers().values().stream().map(ContainerState::toAttachment).toList();
    }

    // ---------------------------------------------------------------- ports

    /** Publishes more ports of an attached container; returns all the ports it publishes now. */
    public synchronized List<PublishedPort> publish(ContainerId id, PortOwner owner, List<PortMapping> mappings) {
        ContainerState container = state.container(id).orElseThrow(() -> NetworkException.notFound(
                "container " + id + " is not attached", "attach it first"));
        if (!(container.mode() instanceof NetworkMode.Bridge)) {
            throw NetworkException.invalid("container " + id + " is not on bridge networks and cannot publish ports", null);
        }
        List<Binding> bindings = PortPlanner.excludeTaken(
                PortPlanner.plan(id, defaultRouteAddresses(container.endpoints()), mappings), state.containers().values());
        PortPublisher.Result result = tools.publisher().reserve(bindings);
        try {
            List<PublishedPort> all = new ArrayList<>(container.ports());
            all.addAll(result.ports());
            ManagerState next = state.withContainer(container.withPorts(Optional.of(owner), all));
            tools.firewall().publish(result.ports(), next);
            save(next, state);
            state = next;
            tools.reservations().keep(id, result.reservations());
            return List.copyOf(all);
        } catch (RuntimeException e) {
            PortReservations.closeAll(result.reservations());
            throw e;
        }
    }

    /** Withdraws every port the container publishes. */
    public synchronized void unpublish(ContainerId id) {
        Optional<ContainerState> container = state.container(id);
        if (container.isEmpty() || container.get().ports().isEmpty()) {
            return;
        }
        ManagerState next = state.withContainer(container.get().withPorts(Optional.empty(), List.of()));
        tools.firewall().withdraw(container.get().ports(), next);
        save(next, state);
        state = next;
        tools.reservations().release(id);
    }

    // ---------------------------------------------------------------- housekeeping

    /**
     * Makes the kernel match the state after a crash or a reboot: removes interfaces with our
     * prefix and namespace files the state does not know, makes again bridges that vanished,
     * forgets containers whose namespace vanished, and rewrites our nftables table.
     */
    public synchronized SweepReport cleanupLeftovers() {
        LeftoverSweep.Result result = new LeftoverSweep(config, tools).sweep(state);
        if (!result.state().equals(state)) {
            save(result.state(), state);
            state = result.state();
        }
        SweepReport report = new SweepReport(result.removedLinks(), result.removedNamespaces(), result.restoredBridges(),
                result.forgottenContainers(), List.copyOf(lostReservations));
        lostReservations.clear();
        return report;
    }

    /** Tears down everything this manager made: namespaces, veths, bridges, rules, leases, reservations. */
    public synchronized void removeAll() {
        List<ContainerState> containers = new ArrayList<>(state.containers().values());
        containers.sort((a, b) -> Boolean.compare(b.mode() instanceof NetworkMode.Shared, a.mode() instanceof NetworkMode.Shared));
        for (ContainerState c : containers) {
            detach(c.id());
        }
        for (NetworkName name : List.copyOf(state.networks().keySet())) {
            NetworkState network = state.network(name).orElseThrow();
            tools.bridges().removeQuietly(network.bridge());
            state = state.withoutNetwork(name);
        }
        tools.firewall().remove();
        tools.reservations().close();
        tools.namespaces().release();
        save(state, state);
    }

    /** Releases the JVM's resources (port reservations). Networks, namespaces and rules stay. */
    @Override
    public synchronized void close() {
        tools.reservations().close();
    }

    // ---------------------------------------------------------------- helpers

    private Attachment record(ContainerState container) {
        ManagerState next = state.withContainer(container);
        save(next, state);
        state = next;
        return container.toAttachment();
    }

    private void save(ManagerState next, ManagerState previous) {
        try {
            tools.store().save(next);
        } catch (RuntimeException e) {
            if (!previous.equals(next)) {
                try {
                    tools.firewall().apply(previous);
                } catch (RuntimeException ignored) {
                    // the original failure is the one to report
                }
            }
            throw e;
        }
    }

    private Set<String> usedLinkNames() {
        Set<String> names = new HashSet<>();
        state.networks().values().forEach(n -> names.add(n.bridge()));
        state.containers().values().forEach(c -> c.endpoints().forEach(e -> names.add(e.hostInterface())));
        return names;
    }

    private static List<IpAddress> defaultRouteAddresses(List<Endpoint> endpoints) {
        List<IpAddress> out = new ArrayList<>();
        endpoints.stream().filter(Endpoint::defaultRoute).findFirst().ifPresent(e -> {
            e.ipv4().ifPresent(a -> out.add(a.address()));
            e.ipv6().ifPresent(a -> out.add(a.address()));
        });
        return out;
    }

    private void reserveSavedPorts() {
        for (ContainerState c : state.containers().values()) {
            tools.reservations().keep(c.id(), tools.publisher().restore(c.ports(), lostReservations));
        }
    }

    private byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        tools.random().nextBytes(out);
        return out;
    }
}
