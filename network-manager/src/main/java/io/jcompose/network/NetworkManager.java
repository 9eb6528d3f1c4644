package io.jcompose.network;

import io.jcompose.network.state.ContainerState;
import io.jcompose.network.state.ManagerState;
import io.jcompose.network.state.NetworkState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;


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
 * half made (kernel objects are removed again, leases and reservations released); {@link #remove} and {@link
 * #detachLater} finish their kernel part after returning, and what could meet it waits for it. Methods are
 * serialised; each takes a few milliseconds.
 *
 * <p>A worked example: two containers on a project network, one of them publishing a port.
 * <pre>{@code
 * try (NetworkManager networks = NetworkManager.open(NetworkManagerConfig.defaults())) {
 *     networks.cleanupLeftovers();
 *     Network net = networks.ensure(NetworkSpec.of("shop_default")
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
    private final StateCell cell;
    private final NetworkOperations networks;
    private final ContainerOperations containers;
    private final List<String> lostReservations = new ArrayList<>();
    private final Teardowns teardowns = new Teardowns();
    private final Removals removals;

    private NetworkManager(NetworkManagerConfig config, HostTools tools, ManagerState state) {
        this.config = config;
        this.tools = tools;
        this.cell = new StateCell(tools, state);
        this.networks = new NetworkOperations(config, tools, cell);
        this.containers = new ContainerOperations(config, tools, cell);
        this.removals = new Removals(tools, this, cell::get);
    }

    /** Loads the saved state and re-reserves the ports it publishes. Changes nothing in the kernel. */
    public static NetworkManager open(NetworkManagerConfig config) {
        HostTools tools = HostTools.of(config);
        NetworkManager manager = new NetworkManager(config, tools, tools.store().load());
        for (ContainerState c : manager.cell.get().containers().values()) {
            tools.reservations().keep(c.id(), tools.publisher().restore(c.ports(), manager.lostReservations));
        }
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
        removals.settle();
        return networks.create(spec);
    }

    /**
     * The network as {@code spec} wants it: the existing one when it matches, a new one otherwise
     * (what {@code jcompose up} needs on every run). An existing network whose {@code internal} flag
     * or explicit subnets differ from the spec is a conflict, as in docker compose.
     */
    public synchronized Network ensure(NetworkSpec spec) {
        removals.settle();
        return networks.ensure(spec);
    }

    /**
     * Removes the network: forgets it and its leases (saved before this returns), then its bridge and rules go on
     * threads of their own ({@link Removals}) beside the teardowns of its last containers — ~50 ms of kernel work,
     * of which the caller waits only for what it wants to: {@link #awaitRemovals} for all of it, as the agent's
     * DELETE does, so that nothing of the network remains once it is answered. Until then its subnet and bridge
     * stay out of reach: a creation, {@link #removeAll} and {@link #close} wait for the removals begun before them.
     * Fails while containers are attached; containers detached by {@link #detachLater} whose veths are still going
     * do not count.
     */
    public synchronized void remove(NetworkName name) {
        // A container detached by detachLater whose every veth is on this network need not be waited for before
        // the commit (its names and leases go with the network): it is forgotten in the same commit, and its
        // teardown goes on beside the bridge's deletion. One also on another network is waited for first, so that
        // its address there stays taken until it is gone.
        Set<ContainerId> leaving = new HashSet<>();
        List<CompletableFuture<Boolean>> leavingTeardowns = new ArrayList<>();
        for (ContainerId id : teardowns.ids()) {
            Optional<ContainerState> c = cell.get().container(id);
            CompletableFuture<Boolean> teardown = teardowns.get(id);
            if (c.isPresent() && teardown != null && !c.get().endpoints().isEmpty()
                    && c.get().endpoints().stream().allMatch(e -> e.network().equals(name))) {
                leaving.add(id);
                leavingTeardowns.add(teardown);
            } else {
                settle(id);
            }
        }
        removals.begin(networks.forget(name, leaving).bridge(), leavingTeardowns);
    }

    /**
     * Waits until the kernel part of every removal begun so far is over: the rules rendered without the removed
     * networks, their bridges deleted, their last containers' veths and namespaces gone. The bridges' deletions
     * (RCU grace periods in the kernel) are waited for without the lock, so other changes go on meanwhile.
     */
    public void awaitRemovals() {
        synchronized (this) {
            removals.renderIfStale();
        }
        removals.awaitBridges();
    }

    /** Removes the network of {@code spec}, unless it is external: external networks are never removed. */
    public void remove(NetworkSpec spec) {
        if (!spec.external()) {
            remove(spec.name());
        }
    }

    /** Like the other reads, from the current immutable state without the lock. */
    public Optional<Network> get(NetworkName name) {
        return cell.get().network(name).map(NetworkState::toNetwork);
    }

    public List<Network> list() {
        return cell.get().networks().values().stream().map(NetworkState::toNetwork).toList();
    }

    // ---------------------------------------------------------------- containers

    /**
     * Networks a container: ports are planned and reserved first (a taken port fails here, before
     * anything exists), then its namespace, veths, addresses and routes, then the DNAT entries.
     */
    public synchronized Attachment attach(AttachRequest request) {
        settle(request.container()); // a previous run's teardown, still going
        return containers.attach(request);
    }

    /**
     * As {@link #attach}, but returns before the host ends of the container's veths are on their bridges: the
     * container is attached (in the state, with its namespace complete) and {@link PendingAttachment#bridged}
     * completes when the last step is done. For a container start, whose runtime {@code create} needs only the
     * namespace; the caller lets the container's process run only after it, and detaches the container if it
     * fails.
     */
    public synchronized PendingAttachment attachBridging(AttachRequest request) {
        settle(request.container());
        return containers.attachBridging(request);
    }

    /**
     * Removes the container's veths, namespace, published ports and leases. Detaching an unknown container is a
     * no-op. The interfaces and the namespace go outside the lock — deleting a veth waits for the kernel's RCU
     * grace periods, tens of milliseconds on a busy host — so that the exits of a stack going down do not queue
     * behind each other's teardown (nor a port's withdrawal behind them); their names and addresses stay
     * allocated until the state forgets the container, so nothing reuses them before they are gone. The caller
     * detaches a container once at a time (the agent holds the container's lock).
     */
    public void detach(ContainerId id) {
        settle(id);
        Optional<ContainerState> container;
        synchronized (this) {
            container = containers.detachable(id);
        }
        if (container.isEmpty()) {
            return;
        }
        containers.removeInterfaces(container.get());
        synchronized (this) {
            containers.forget(id);
        }
    }

    /**
     * As {@link #detach}, but the veths and the namespace go on a virtual thread: the container counts as
     * detached at once (no attachment is listed for it any more), while its interface names and addresses stay
     * allocated until they are gone, so nothing reuses them early. Deleting a veth waits for the kernel's RCU
     * grace periods, tens of milliseconds: what a container's exit does this way, a removal that follows it need
     * not wait for. The container's next attach, a network's removal, {@link #removeAll} and {@link #close} wait
     * for the teardown (which needs no lock to finish its kernel part, so they may wait holding the manager's). If it fails the container stays attached in the state, for a later detach or the next
     * start's {@link #cleanupLeftovers}.
     */
    public void detachLater(ContainerId id) {
        // Without the manager's lock: an exit registers its teardown while a port's withdrawal or another
        // container's state commit (a synced file write) may hold the lock, and whoever waits for the exit waits
        // for this. The state read is an immutable snapshot; the caller detaches a container once at a time, and
        // registering is atomic (a second registration finds the first).
        Optional<ContainerState> found = teardowns.isRunning(id) ? Optional.empty() : containers.detachable(id);
        CompletableFuture<Boolean> teardown = found.isEmpty() ? null : teardowns.begin(id);
        if (teardown == null) {
            return;
        }
        ContainerState container = found.get();
        Thread.ofVirtual().name("detach-" + id.value()).start(() -> {
            boolean removed = false;
            try {
                containers.removeInterfaces(container);
                removed = true;
            } catch (RuntimeException e) {
                log("cannot detach " + id + ": " + e.getMessage());
                teardowns.end(id, teardown); // attached again, for a later detach or the next start's sweep
            }
            teardown.complete(removed);
            if (removed) {
                try {
                    synchronized (this) {
                        if (teardowns.end(id, teardown)) {
                            containers.forget(id);
                        }
                    }
                } catch (RuntimeException e) {
                    log("cannot forget " + id + ": " + e.getMessage());
                }
            }
        });
    }

    /**
     * Waits for the {@link #detachLater} teardown of {@code id}, if one runs, and forgets the container if the
     * teardown's own thread has not yet. The wait takes no lock, so callers may hold the manager's.
     */
    private void settle(ContainerId id) {
        CompletableFuture<Boolean> teardown = teardowns.get(id);
        if (teardown == null) {
            return;
        }
        boolean removed = teardown.join();
        synchronized (this) {
            if (removed && teardowns.end(id, teardown)) {
                containers.forget(id);
            }
        }
    }

    private void settleTeardowns() {
        teardowns.ids().forEach(this::settle);
    }

    private static void log(String message) {
        System.getLogger(NetworkManager.class.getName()).log(System.Logger.Level.WARNING, message);
    }

    /**
     * Reads the current state without the lock: a container's exit need not wait for another's detach. A
     * container whose {@link #detachLater} teardown still runs is not attached any more.
     */
    public Optional<Attachment> attachment(ContainerId id) {
        return cell.get().container(id).filter(c -> !teardowns.isRunning(id)).map(ContainerState::toAttachment);
    }

    public List<Attachment> attachments() {
        return cell.get().containers().values().stream().filter(c -> !teardowns.isRunning(c.id()))
                .map(ContainerState::toAttachment).toList();
    }

    /** Publishes more ports of an attached container; returns all the ports it publishes now. */
    public synchronized List<PublishedPort> publish(ContainerId id, PortOwner owner, List<PortMapping> mappings) {
        return containers.publish(id, owner, mappings);
    }

    /**
     * The host ports among {@code mappings} that cannot be published now, each with who holds it (a
     * process with its pid, or the project, service and container publishing it); empty when all are
     * free. Changes nothing: each fixed port is bound and released at once. Ports published by the
     * containers in {@code replacing} count as free, as they go before their successors come. What
     * {@code up} asks before it creates anything, so that a taken port leaves nothing behind.
     */
    public synchronized List<PortConflict> checkPorts(List<PortMapping> mappings, Set<ContainerId> replacing) {
        return tools.portCheck().check(mappings, cell.get().containers().values(), replacing);
    }

    /** Withdraws every port the container publishes; one that publishes none does not wait for the lock. */
    public void unpublish(ContainerId id) {
        unpublish(id, false);
    }

    /**
     * As {@link #unpublish}, for a container whose process has ended (nothing answers at its addresses): once this
     * returns the state holds none of its ports and their reservations are released, so another container may
     * publish them at once, while the table's map elements go on a thread of their own ({@link
     * io.jcompose.network.nftables.Firewall#withdrawLater}; any later change of the table makes them first). Spares
     * an exit the {@code nft} run, ~15 ms of the last link of a {@code down}.
     */
    public void unpublishExited(ContainerId id) {
        unpublish(id, true);
    }

    private void unpublish(ContainerId id, boolean later) {
        if (cell.get().container(id).map(c -> c.ports().isEmpty()).orElse(true)) {
            return;
        }
        synchronized (this) {
            containers.unpublish(id, later);
        }
    }

    // ---------------------------------------------------------------- housekeeping

    /**
     * Makes the kernel match the state after a crash or a reboot: removes interfaces with our
     * prefix and namespace files the state does not know, makes again bridges that vanished,
     * forgets containers whose namespace vanished, and rewrites our nftables table. The agent
     * calls it once at start.
     */
    public synchronized SweepReport cleanupLeftovers() {
        removals.settle();
        LeftoverSweep.Result result = new LeftoverSweep(config, tools).sweep(cell.get());
        if (!result.state().equals(cell.get())) {
            cell.commit(result.state());
        }
        SweepReport report = new SweepReport(result.removedLinks(), result.removedNamespaces(), result.restoredBridges(),
                result.forgottenContainers(), List.copyOf(lostReservations));
        lostReservations.clear();
        return report;
    }

    /** Tears down everything this manager made: namespaces, veths, bridges, rules, leases, reservations. */
    public synchronized void removeAll() {
        settleTeardowns();
        removals.settle();
        List<ContainerState> all = new ArrayList<>(cell.get().containers().values());
        // containers sharing a namespace go before the container that owns it
        all.sort((a, b) -> Boolean.compare(b.mode() instanceof NetworkMode.Shared, a.mode() instanceof NetworkMode.Shared));
        for (ContainerState c : all) {
            containers.detach(c.id());
        }
        ManagerState next = cell.get();
        for (NetworkState network : cell.get().networks().values()) {
            tools.bridges().removeQuietly(network.bridge());
            next = next.withoutNetwork(network.name());
        }
        tools.firewall().remove();
        tools.reservations().close();
        tools.namespaces().release();
        cell.commit(next);
    }

    /**
     * Releases the JVM's resources (port reservations) once the removals begun are over. Networks, namespaces and
     * rules stay.
     */
    @Override
    public synchronized void close() {
        settleTeardowns();
        removals.settle();
        tools.firewall().flush();
        tools.reservations().close();
    }
}
