package io.jcompose.network;

import io.jcompose.network.link.IpBatch;
import io.jcompose.network.link.LinkInfo;
import io.jcompose.network.state.ContainerState;
import io.jcompose.network.state.ManagerState;
import io.jcompose.network.state.NetworkState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reconciles the kernel with the saved state when the agent starts. The state is the truth: what
 * carries our prefix but is not in it is a leftover of a crashed run and goes; what is in it but
 * vanished from the kernel is made again (bridges) or forgotten (containers, whose processes
 * cannot have survived the loss of their namespace).
 */
final class LeftoverSweep {

    record Result(ManagerState state, List<String> removedLinks, List<Path> removedNamespaces,
                  List<NetworkName> restoredBridges, List<ContainerId> forgottenContainers) {
    }

    private final NetworkManagerConfig config;
    private final HostTools tools;

    LeftoverSweep(NetworkManagerConfig config, HostTools tools) {
        this.config = config;
        this.tools = tools;
    }

    Result sweep(ManagerState state) {
        List<ContainerId> forgotten = new ArrayList<>();
        ManagerState next = state;
        for (ContainerState c : state.containers().values()) {
            if (c.ownNetns().isPresent() && !tools.mounts().isMountPoint(c.ownNetns().get())) {
                forgotten.add(c.id());
            }
        }
        for (ContainerState c : state.containers().values()) {
            if (c.mode() instanceof NetworkMode.Shared s && forgotten.contains(s.container())) {
                forgotten.add(c.id());
            }
        }
        for (ContainerId id : forgotten) {
            tools.reservations().release(id);
            next = next.withoutContainer(id);
        }

        Set<String> known = new HashSet<>();
        next.networks().values().forEach(n -> known.add(n.bridge()));
        next.containers().values().forEach(c -> c.endpoints().forEach(e -> known.add(e.hostInterface())));
        List<LinkInfo> links = tools.links().list();
        List<String> removedLinks = new ArrayList<>();
        IpBatch deletions = new IpBatch();
        // veths first: deleting a bridge does not delete its ports, and a port left without its
        // bridge is still ours to remove
        for (boolean bridges : new boolean[] {false, true}) {
            for (LinkInfo link : links) {
                if (tools.names().isOurs(link.name()) && tools.names().isBridge(link.name()) == bridges
                        && !known.contains(link.name())) {
                    deletions.line("link", "del", link.name());
                    removedLinks.add(link.name());
                }
            }
        }
        if (!deletions.isEmpty()) {
            try {
                tools.ip().applyAll("remove leftover interfaces", deletions);
            } catch (RuntimeException e) {
                // a veth whose peer went with its namespace is already gone: that is fine
                if (!e.getMessage().contains("Cannot find device")) {
                    throw e;
                }
            }
        }

        Set<Path> knownNamespaces = new HashSet<>();
        next.containers().values().forEach(c -> c.ownNetns().ifPresent(knownNamespaces::add));
        List<Path> removedNamespaces = new ArrayList<>();
        Set<Path> candidates = new HashSet<>(tools.namespaces().list());
        candidates.addAll(tools.mounts().namespacesIn(tools.namespaces().dir()));
        for (Path file : candidates.stream().sorted().toList()) {
            if (!knownNamespaces.contains(file)) {
                tools.namespaces().remove(file);
                removedNamespaces.add(file);
            }
        }

        Set<String> present = new HashSet<>();
        links.forEach(l -> present.add(l.name()));
        List<NetworkName> restored = new ArrayList<>();
        for (NetworkState n : next.networks().values()) {
            if (!present.contains(n.bridge())) {
                tools.bridges().create(n.bridge(), n.mtu(), n.spaces());
                restored.add(n.name());
            }
        }
        applyFirewall(next);
        if (!next.networks().isEmpty() && config.manageForwarding()) {
            tools.sysctl().set("net.ipv4.ip_forward", "1");
        }
        return new Result(next, removedLinks, removedNamespaces, restored, forgotten);
    }

    private void applyFirewall(ManagerState state) {
        if (state.networks().isEmpty()) {
            tools.firewall().remove();
        } else {
            tools.firewall().applyWithBypass(state);
        }
    }
}
