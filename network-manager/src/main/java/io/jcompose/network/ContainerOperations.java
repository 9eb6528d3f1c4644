package io.jcompose.network;

import io.jcompose.network.address.IpAddress;
import io.jcompose.network.attach.AttachPlan;
import io.jcompose.network.attach.AttachPlanner;
import io.jcompose.network.attach.Veths;
import io.jcompose.network.port.Binding;
import io.jcompose.network.port.PortPlanner;
import io.jcompose.network.port.PortPublisher;
import io.jcompose.network.port.PortReservations;
import io.jcompose.network.state.ContainerState;
import io.jcompose.network.state.ManagerState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** Attaching, detaching and publishing, for {@link NetworkManager} (which serialises the calls). */
final class ContainerOperations {

    private static final Executor VIRTUAL = runnable -> Thread.ofVirtual().start(runnable);

    private final NetworkManagerConfig config;
    private final HostTools tools;
    private final StateCell cell;

    ContainerOperations(NetworkManagerConfig config, HostTools tools, StateCell cell) {
        this.config = config;
        this.tools = tools;
        this.cell = cell;
    }

    /**
     * Networks a container: ports are planned and reserved first (a taken port fails here, before
     * anything exists), then its namespace, veths, addresses and routes, then the DNAT rules, then the
     * host ends of its veths are put on their bridges.
     */
    Attachment attach(AttachRequest request) {
        PendingAttachment pending = attachBridging(request);
        try {
            pending.bridged().join();
        } catch (CompletionException e) {
            RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
            try {
                detach(request.container());
            } catch (RuntimeException cleanup) {
                cause.addSuppressed(cleanup);
            }
            throw cause;
        }
        return pending.attachment();
    }

    /**
     * As {@link #attach}, but returns once the container is attached in the state with its namespace complete;
     * the host ends of its veths go on their bridges on a virtual thread (see {@link PendingAttachment}).
     */
    PendingAttachment attachBridging(AttachRequest request) {
        ContainerId id = request.container();
        if (cell.get().container(id).isPresent()) {
            throw new NetworkException(NetworkException.Kind.ALREADY_EXISTS, "container " + id + " is already attached");
        }
        return switch (request.mode()) {
            case NetworkMode.Host host -> PendingAttachment.done(record(new ContainerState(id, host, Optional.empty(),
                    Optional.empty(), List.of(), Optional.empty(), List.of())));
            case NetworkMode.Shared shared -> PendingAttachment.done(attachShared(request, shared));
            case NetworkMode.None none -> attachBridge(request, List.of());
            case NetworkMode.Bridge bridge -> attachBridge(request, bridge.endpoints());
        };
    }

    private Attachment attachShared(AttachRequest request, NetworkMode.Shared shared) {
        ContainerState target = cell.get().container(shared.container()).orElseThrow(() -> NetworkException.notFound(
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

    private PendingAttachment attachBridge(AttachRequest request, List<EndpointSpec> specs) {
        ContainerId id = request.container();
        Set<String> usedNames = usedLinkNames();
        AttachPlan plan = AttachPlanner.plan(id, specs, cell.get(), tools.names(), usedNames::contains, tools.random());
        List<Binding> bindings = PortPlanner.excludeTaken(
                PortPlanner.plan(id, defaultRouteAddresses(plan.endpoints()), request.ports()), cell.get().containers().values());
        PortPublisher.Result ports = tools.publisher().reserve(bindings);
        Path netnsFile = tools.namespaces().pathOf(id);
        ContainerState container = new ContainerState(id, request.mode(), Optional.of(netnsFile), Optional.of(netnsFile),
                plan.endpoints(), ports.ports().isEmpty() ? Optional.empty() : request.owner(), ports.ports());
        ManagerState next = plan.stateWithLeases().withContainer(container);
        // The DNAT entries do not depend on the namespace, so nft runs while the namespace is made:
        // two programs at once instead of one after the other.
        CompletableFuture<Void> rules = ports.ports().isEmpty() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> tools.firewall().publish(ports.ports(), next), VIRTUAL);
        Path netns = null;
        CompletableFuture<Void> bridged = null;
        try {
            RuntimeException failure = null;
            try {
                netns = tools.namespaces().create(id, Veths.namespaceBatch(plan.steps(), config.host().file()));
            } catch (RuntimeException e) {
                failure = e;
            }
            try {
                rules.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
            if (failure != null) {
                throw failure;
            }
            // The bridge ports touch only this container's own host ends: they need no lock, and go on beside
            // the state's synced write and what the caller does next with the namespace (the runtime's create).
            bridged = CompletableFuture.runAsync(() -> tools.veths().connect(plan), VIRTUAL);
            cell.commit(next);
            tools.reservations().keep(id, ports.reservations());
            return new PendingAttachment(container.toAttachment(), bridged);
        } catch (RuntimeException e) {
            PortReservations.closeAll(ports.reservations());
            try {
                if (bridged != null) {
                    bridged.exceptionally(failed -> null).join(); // it works on the veths removed below
                }
                if (!rules.isCompletedExceptionally() && !ports.ports().isEmpty()) {
                    tools.firewall().withdraw(ports.ports(), cell.get());
                }
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
    void detach(ContainerId id) {
        Optional<ContainerState> found = detachable(id);
        if (found.isEmpty()) {
            return;
        }
        ContainerState container = found.get();
        ManagerState next = cell.get().withoutContainer(id);
        // Both deletions wait for the kernel's RCU grace periods; they do not depend on each other.
        CompletableFuture<Void> rules = container.ports().isEmpty() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> tools.firewall().withdraw(container.ports(), next), VIRTUAL);
        try {
            removeInterfaces(container);
        } finally {
            try {
                rules.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        tools.reservations().release(id);
        cell.commit(next);
    }

    /** The container's state when it can be detached (nothing shares its namespace); empty when not attached. */
    Optional<ContainerState> detachable(ContainerId id) {
        Optional<ContainerState> found = cell.get().container(id);
        if (found.isEmpty()) {
            return found;
        }
        List<String> sharers = cell.get().containers().values().stream()
                .filter(c -> c.mode() instanceof NetworkMode.Shared s && s.container().equals(id))
                .map(c -> c.id().value()).toList();
        if (!sharers.isEmpty()) {
            throw NetworkException.conflict("containers " + String.join(", ", sharers) + " share the network namespace of " + id,
                    "detach them first");
        }
        return found;
    }

    /**
     * Deletes the container's host veths and its namespace. Touches only what is the container's own (its
     * interfaces' names and addresses stay allocated in the state until {@link #forget}), so it needs no lock.
     */
    void removeInterfaces(ContainerState container) {
        if (container.ownNetns().isPresent()) {
            tools.veths().remove(container.endpoints().stream().map(Endpoint::hostInterface).toList(),
                    container.id().value());
            tools.namespaces().remove(container.ownNetns().get());
        }
    }

    /** After {@link #removeInterfaces}: withdraws the ports it still publishes and frees its names and leases. */
    void forget(ContainerId id) {
        Optional<ContainerState> found = cell.get().container(id);
        if (found.isEmpty()) {
            return;
        }
        ManagerState next = cell.get().withoutContainer(id);
        if (!found.get().ports().isEmpty()) {
            tools.firewall().withdraw(found.get().ports(), next);
        }
        tools.reservations().release(id);
        cell.commit(next);
    }

    Optional<Attachment> attachment(ContainerId id) {
        return cell.get().container(id).map(ContainerState::toAttachment);
    }

    List<Attachment> attachments() {
        return cell.get().containers().values().stream().map(ContainerState::toAttachment).toList();
    }

    // ---------------------------------------------------------------- ports

    /** Publishes more ports of an attached container; returns all the ports it publishes now. */
    List<PublishedPort> publish(ContainerId id, PortOwner owner, List<PortMapping> mappings) {
        ContainerState container = cell.get().container(id).orElseThrow(() -> NetworkException.notFound(
                "container " + id + " is not attached", "attach it first"));
        if (!(container.mode() instanceof NetworkMode.Bridge)) {
            throw NetworkException.invalid("container " + id + " is not on bridge networks and cannot publish ports", null);
        }
        List<Binding> bindings = PortPlanner.excludeTaken(
                PortPlanner.plan(id, defaultRouteAddresses(container.endpoints()), mappings), cell.get().containers().values());
        PortPublisher.Result result = tools.publisher().reserve(bindings);
        try {
            List<PublishedPort> all = new ArrayList<>(container.ports());
            all.addAll(result.ports());
            ManagerState next = cell.get().withContainer(container.withPorts(Optional.of(owner), all));
            tools.firewall().publish(result.ports(), next);
            cell.commit(next);
            tools.reservations().keep(id, result.reservations());
            return List.copyOf(all);
        } catch (RuntimeException e) {
            PortReservations.closeAll(result.reservations());
            throw e;
        }
    }

    /**
     * Withdraws every port the container publishes; with {@code later} the table's map elements go after the return
     * (the state and the reservations already hold none).
     */
    void unpublish(ContainerId id, boolean later) {
        Optional<ContainerState> container = cell.get().container(id);
        if (container.isEmpty() || container.get().ports().isEmpty()) {
            return;
        }
        ManagerState next = cell.get().withContainer(container.get().withPorts(Optional.empty(), List.of()));
        if (later) {
            cell.commit(next);
            tools.reservations().release(id);
            tools.firewall().withdrawLater(container.get().ports());
            return;
        }
        tools.firewall().withdraw(container.get().ports(), next);
        cell.commit(next);
        tools.reservations().release(id);
    }


    private Attachment record(ContainerState container) {
        cell.commit(cell.get().withContainer(container));
        return container.toAttachment();
    }

    private Set<String> usedLinkNames() {
        Set<String> names = new HashSet<>();
        cell.get().networks().values().forEach(n -> names.add(n.bridge()));
        cell.get().containers().values().forEach(c -> c.endpoints().forEach(e -> names.add(e.hostInterface())));
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
}
