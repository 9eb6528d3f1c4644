package io.jcompose.agent.network;

import io.jcompose.agent.api.v1.PortCheckRequest;
import io.jcompose.agent.api.v1.PortCheckResult;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.NetworkCreateRequest;
import io.jcompose.agent.api.v1.NetworkView;
import io.jcompose.agent.bundle.BundleDir;
import io.jcompose.agent.bundle.BundleWriter;
import io.jcompose.agent.bundle.ContainerSpec;
import io.jcompose.agent.bundle.NetworkMode;
import io.jcompose.agent.bundle.NetworkSpec;
import io.jcompose.agent.container.Container;
import io.jcompose.agent.container.ContainerNetworking;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.NetworkFailures;
import io.jcompose.agent.state.LabelFilter;
import io.jcompose.dns.view.DnsView;
import io.jcompose.network.AttachRequest;
import io.jcompose.network.Attachment;
import io.jcompose.network.ContainerId;
import io.jcompose.network.EndpointSpec;
import io.jcompose.network.NetworkException;
import io.jcompose.network.NetworkManager;
import io.jcompose.network.NetworkName;
import io.jcompose.network.PendingAttachment;
import io.jcompose.network.PortOwner;
import io.jcompose.network.SweepReport;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.IpFamily;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The agent's networks: opens the {@link NetworkManager}, runs a DNS server per network, attaches
 * containers when they start and detaches them when they exit, and serves the network resources of
 * the API. docs/design/0009-agent-network-wiring.md tells the order of a start and of an agent
 * restart.
 *
 * <p>Lifecycle: {@link #open} (changes nothing in the kernel), the container service starts and
 * reconciles, {@link #adopt} with the live containers (detaches the dead, sweeps leftovers, starts
 * the DNS servers), then attach/detach per container; {@link #close} stops the DNS servers only —
 * namespaces, bridges and rules stay for the running containers and the next agent adopts them.
 */
public final class AgentNetworks implements ContainerNetworking, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AgentNetworks.class.getName());
    static final String PROJECT_LABEL = "com.docker.compose.project";
    static final String SERVICE_LABEL = "com.docker.compose.service";

    private final NetworkManager manager;
    private final Supplier<HostResolvConf> hostResolv;
    private final Function<String, BundleDir> bundles;
    private final DnsServers dns = new DnsServers();
    private final Map<String, DnsViews.Identity> identities = new ConcurrentHashMap<>();
    /** Attaches whose veths are still being put on their bridges, by container id, until the start waits for them. */
    private final Map<String, CompletableFuture<Void>> bridging = new ConcurrentHashMap<>();
    private final NetworkResources resources;

    private AgentNetworks(NetworkManager manager, Supplier<HostResolvConf> hostResolv, Function<String, BundleDir> bundles) {
        this.manager = manager;
        this.hostResolv = hostResolv;
        this.bundles = bundles;
        this.resources = new NetworkResources(manager, this::containerName, this::refreshDns);
    }

    /**
     * @param bundles the bundle directory of a container by id (for {@code container:} mode's {@code /etc} files)
     */
    public static AgentNetworks open(NetworkSettings settings, Path dataRoot, Path runtimeDir,
                                     Function<String, BundleDir> bundles) {
        NetworkManager manager = translate(() -> NetworkManager.open(settings.managerConfig(dataRoot, runtimeDir)));
        Path resolv = settings.resolvConf();
        // read at every use: the host's resolver may change while the agent runs (DHCP, VPN)
        return new AgentNetworks(manager, () -> HostResolvConf.parse(read(resolv)), bundles);
    }

    /**
     * After reconcile: forgets the attachments of containers that are not live any more, removes
     * what crashed runs left in the kernel, and serves DNS for every network with the live
     * containers' records.
     */
    public void adopt(List<Container> live) {
        Set<String> ids = live.stream().filter(c -> c.state().isLive()).map(c -> c.id().value()).collect(Collectors.toSet());
        for (Attachment a : manager.attachments()) {
            if (!ids.contains(a.container().value())) {
                detachQuietly(a.container());
            }
        }
        for (Container c : live) {
            if (ids.contains(c.id().value()) && c.spec().network().mode() instanceof NetworkMode.Bridge) {
                identities.put(c.id().value(), identity(c));
            }
        }
        SweepReport report = translate(manager::cleanupLeftovers);
        if (!report.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "network leftovers of an earlier run: " + report);
        }
        refreshDns();
    }

    // ---------------------------------------------------------------- containers

    @Override
    public ContainerSpec attach(Container c, BundleDir bundle, Function<String, Container> containers) {
        return switch (c.spec().network().mode()) {
            case NetworkMode.Bridge bridge -> attachBridge(c, bridge, bundle);
            case NetworkMode.Container shared -> joinContainer(c, shared, bundle, containers);
            default -> c.spec();
        };
    }

    @Override
    public void awaitAttached(Container c) {
        CompletableFuture<Void> bridged = bridging.remove(c.id().value());
        if (bridged != null) {
            try {
                bridged.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof NetworkException n ? NetworkFailures.toAgent(n)
                        : AgentException.internal("cannot attach " + c.name() + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /** Lets an attach's last step end (failed or not) before its container is detached: they touch the same veths. */
    private void settleBridging(ContainerId id) {
        CompletableFuture<Void> bridged = bridging.remove(id.value());
        if (bridged != null) {
            try {
                bridged.join();
            } catch (CompletionException e) {
                // the detach that follows removes what the attach made
            }
        }
    }

    @Override
    public void detach(Container c) {
        ContainerId id = ContainerId.of(c.id().value());
        settleBridging(id);
        if (manager.attachment(id).isPresent()) {
            detachQuietly(id);
            refreshDns();
        }
    }

    @Override
    public void detachLater(Container c) {
        ContainerId id = ContainerId.of(c.id().value());
        settleBridging(id);
        if (manager.attachment(id).isPresent()) {
            boolean named = identities.remove(id.value()) != null;
            try {
                manager.detachLater(id);
            } catch (NetworkException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot detach " + id + ": " + e.getMessage());
            }
            // An attachment without its identity is left out of the DNS view: when release() took the identity
            // (an exit), the view has no record of the container already, and building it again only costs the
            // next link of a stop chain a few ms of CPU and the view's lock.
            if (named) refreshDns();
        }
    }

    @Override
    public void release(Container c) {
        ContainerId id = ContainerId.of(c.id().value());
        if (identities.remove(id.value()) == null || manager.attachment(id).isEmpty()) {
            return;
        }
        try {
            manager.unpublishExited(id);
        } catch (NetworkException e) {
            // detach, which follows, removes the ports with the rest
            LOG.log(System.Logger.Level.WARNING, "cannot unpublish " + id + ": " + e.getMessage());
        }
        refreshDns();
    }

    private ContainerSpec attachBridge(Container c, NetworkMode.Bridge bridge, BundleDir bundle) {
        ContainerId id = ContainerId.of(c.id().value());
        if (manager.attachment(id).isPresent()) { // a previous run whose exit was recorded without a detach
            detachQuietly(id);
            refreshDns();
        }
        List<EndpointSpec> ordered = new ArrayList<>();
        for (int i = 0; i < bridge.endpoints().size(); i++) {
            // list order is the order of eth0, eth1, …: the caller sorted by compose's priority already
            ordered.add(bridge.endpoints().get(i).withPriority(bridge.endpoints().size() - i));
        }
        AttachRequest request = AttachRequest.of(id, new io.jcompose.network.NetworkMode.Bridge(ordered));
        if (!bridge.ports().isEmpty()) {
            request = request.withPorts(owner(c), bridge.ports());
        }
        AttachRequest attach = request;
        PendingAttachment pending = translate(() -> manager.attachBridging(attach));
        Attachment attachment = pending.attachment();
        bridging.put(id.value(), pending.bridged());
        try {
            identities.put(id.value(), identity(c));
            refreshDns();
            NetworkSpec network = c.spec().network();
            HostResolvConf host = hostResolv.get();
            BundleWriter.write(bundle.resolvConf(), ContainerEtc.resolvConf(firstGateway(attachment), network, host)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            BundleWriter.write(bundle.hosts(), ContainerEtc.hosts(attachment, hostname(c), c.spec().domainname(),
                    network.extraHosts()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return c.spec().withNetwork(new NetworkSpec(new NetworkMode.Joined(attachment.netns().orElseThrow()),
                    network.extraHosts(), network.dns(), network.dnsSearch(), network.dnsOptions()));
        } catch (RuntimeException e) {
            settleBridging(id);
            detachQuietly(id);
            refreshDns();
            throw e;
        }
    }

    private ContainerSpec joinContainer(Container c, NetworkMode.Container shared, BundleDir bundle,
                                        Function<String, Container> containers) {
        Container target = containers.apply(shared.ref());
        if (target.id().equals(c.id())) {
            throw AgentException.invalid("container " + c.name() + " cannot share its own network namespace",
                    "name another container after container:");
        }
        if (!target.state().isLive()) {
            throw AgentException.precondition("container " + target.name() + " whose network " + c.name()
                    + " shares is " + target.state().wireName(), "start " + target.name() + " first");
        }
        // the manager's namespace file when it made the namespace, else the target's own (none, host)
        Path netns = manager.attachment(ContainerId.of(target.id().value())).flatMap(Attachment::netns)
                .orElse(Path.of("/proc", Integer.toString(target.pid()), "ns", "net"));
        BundleDir theirs = bundles.apply(target.id().value());
        copy(theirs.hosts(), bundle.hosts());
        copy(theirs.resolvConf(), bundle.resolvConf());
        NetworkSpec network = c.spec().network();
        return c.spec().withNetwork(new NetworkSpec(new NetworkMode.Joined(netns), network.extraHosts(), network.dns(),
                network.dnsSearch(), network.dnsOptions()));
    }

    /** {@code inspect}'s view with the container's published ports and networks filled in. */
    public ContainerView withNetworking(ContainerView view) {
        return manager.attachment(ContainerId.of(view.id())).map(a -> NetworkViews.withNetworking(view, a,
                name -> manager.get(name).orElse(null))).orElse(view);
    }

    /** Which of the request's host ports cannot be published now, changing nothing (the pre-flight check of {@code up}). */
    public PortCheckResult checkPorts(PortCheckRequest request) {
        return PortChecks.check(manager, request, this::containerName);
    }

    // ---------------------------------------------------------------- networks

    /** The network, and whether it was made now (false: it existed with the same settings). */
    public NetworkResources.Created createNetwork(NetworkCreateRequest request) {
        return resources.create(request);
    }

    public List<NetworkView> networks(List<LabelFilter> filters) {
        return resources.list(filters);
    }

    public NetworkView inspectNetwork(String name) {
        return resources.inspect(name);
    }

    public void removeNetwork(String name) {
        resources.remove(name);
    }

    /** Where the DNS server of a network listens, while it runs. */
    public Optional<InetSocketAddress> dnsAddress(String network) {
        return dns.address(network);
    }

    // ---------------------------------------------------------------- internals

    /** Rebuilds the DNS view from the manager's state and hands it to every server; serialised so the last view wins. */
    synchronized void refreshDns() {
        try {
            List<io.jcompose.network.Network> networks = manager.list();
            List<InetAddress> upstreams = hostResolv.get().nameservers();
            DnsView view = DnsViews.build(networks, manager.attachments(), Map.copyOf(identities), upstreams);
            dns.apply(networks, view);
        } catch (IllegalArgumentException e) {
            // the servers keep their previous view; the next change tries again
            LOG.log(System.Logger.Level.WARNING, "DNS view not updated: " + e.getMessage());
        }
    }

    private void detachQuietly(ContainerId id) {
        identities.remove(id.value());
        try {
            manager.detach(id);
        } catch (NetworkException e) {
            // left for the leftover sweep of the next agent start
            LOG.log(System.Logger.Level.WARNING, "cannot detach " + id + ": " + e.getMessage());
        }
    }

    private String containerName(ContainerId id) {
        DnsViews.Identity who = identities.get(id.value());
        return who == null ? id.value() : who.name();
    }

    private Optional<IpAddress> firstGateway(Attachment a) {
        return a.endpoints().stream().findFirst().flatMap(e -> manager.get(e.network()))
                .flatMap(n -> n.pool(IpFamily.V4).or(() -> n.subnets().stream().findFirst()))
                .map(io.jcompose.network.Network.Pool::gateway);
    }

    static DnsViews.Identity identity(Container c) {
        List<InetSocketAddress> upstreams = new ArrayList<>();
        for (String server : c.spec().network().dns()) {
            try {
                upstreams.add(new InetSocketAddress(InetAddress.ofLiteral(server), DnsViews.DNS_PORT));
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "container " + c.name() + ": dns " + server + " is not an address");
            }
        }
        return new DnsViews.Identity(c.name().value(), c.labels().get(SERVICE_LABEL), hostname(c), upstreams);
    }

    static String hostname(Container c) {
        String own = c.spec().hostname();
        return own.isEmpty() ? c.id().value().substring(0, 12) : own;
    }

    private static PortOwner owner(Container c) {
        return new PortOwner(c.labels().getOrDefault(PROJECT_LABEL, "(none)"),
                c.labels().getOrDefault(SERVICE_LABEL, c.name().value()));
    }

    private static void copy(Path from, Path to) {
        try {
            BundleWriter.write(to, Files.readAllBytes(from));
        } catch (IOException e) {
            throw AgentException.internal("cannot copy " + from + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    static <T> T translate(Supplier<T> body) {
        try {
            return body.get();
        } catch (NetworkException e) {
            throw NetworkFailures.toAgent(e);
        }
    }

    /** Stops the DNS servers; networks, namespaces and rules stay for the containers that keep running. */
    @Override
    public void close() {
        try {
            dns.close();
        } finally {
            manager.close();
        }
    }

    NetworkManager manager() {
        return manager;
    }

    static NetworkName networkName(String name) {
        return translate(() -> NetworkName.of(name));
    }
}
