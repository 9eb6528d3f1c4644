package io.jcompose.agent.network;

import io.jcompose.agent.api.v1.NetworkBodies;
import io.jcompose.agent.api.v1.NetworkCreateRequest;
import io.jcompose.agent.api.v1.NetworkView;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.agent.state.LabelFilter;
import io.jcompose.network.Attachment;
import io.jcompose.network.ContainerId;
import io.jcompose.network.IpamConfig;
import io.jcompose.network.Network;
import io.jcompose.network.NetworkManager;
import io.jcompose.network.NetworkName;
import io.jcompose.network.NetworkSpec;
import io.jcompose.network.address.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Networks as API resources. Creating is idempotent the way {@code docker compose up} needs it: a
 * network that exists with the same settings is returned as it is; with other settings it is a
 * CONFLICT that names the differences. Removing a network with attached containers is a CONFLICT
 * that names them.
 */
public final class NetworkResources {
    private final NetworkManager manager;
    private final Function<ContainerId, String> containerName;
    private final Runnable changed;

    NetworkResources(NetworkManager manager, Function<ContainerId, String> containerName, Runnable changed) {
        this.manager = manager;
        this.containerName = containerName;
        this.changed = changed;
    }

    /** @param created false when the network existed with the same settings */
    public record Created(NetworkView network, boolean created) {
    }

    Created create(NetworkCreateRequest request) {
        NetworkSpec spec = NetworkBodies.spec(request);
        Network made;
        synchronized (manager) { // one create of a name at a time; the DNS refresh runs outside
            Optional<Network> existing = manager.get(spec.name());
            if (existing.isPresent()) {
                List<String> differences = differences(existing.get(), spec);
                if (!differences.isEmpty()) {
                    throw new AgentException(ErrorKind.CONFLICT, "network " + spec.name() + " exists with other "
                            + String.join(", ", differences), "remove it first (DELETE /v1/networks/" + spec.name()
                            + ") or ask for the settings it has");
                }
                return new Created(view(existing.get()), false);
            }
            made = AgentNetworks.translate(() -> manager.create(spec));
        }
        changed.run();
        return new Created(view(made), true);
    }

    List<NetworkView> list(List<LabelFilter> filters) {
        return manager.list().stream()
                .filter(n -> filters.stream().allMatch(f -> n.labels().containsKey(f.key())
                        && (f.value() == null || f.value().equals(n.labels().get(f.key())))))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .map(this::view).toList();
    }

    NetworkView inspect(String name) {
        return view(find(name));
    }

    void remove(String name) {
        synchronized (manager) {
            Network n = find(name);
            List<String> attached = attached(n.name());
            if (!attached.isEmpty()) {
                throw new AgentException(ErrorKind.CONFLICT, "network " + name + " has containers attached: "
                        + String.join(", ", attached), "stop or remove them first");
            }
            AgentNetworks.translate(() -> {
                manager.remove(n.name());
                return null;
            });
        }
        changed.run();
        // Answered once nothing of the network is left on the host (bridge, rules, its last containers' veths), as
        // a user checking `ip link` or `nft list ruleset` right after `down` expects; the kernel's parts went on
        // side by side since the removal was committed.
        manager.awaitRemovals();
    }

    private Network find(String name) {
        return manager.get(AgentNetworks.networkName(name)).orElseThrow(() ->
                AgentException.notFound("no such network: " + name, "list networks to see the names"));
    }

    private List<String> attached(NetworkName network) {
        List<String> names = new ArrayList<>();
        for (Attachment a : manager.attachments()) {
            if (a.endpoints().stream().anyMatch(e -> e.network().equals(network))) {
                names.add(containerName.apply(a.container()));
            }
        }
        return names.stream().sorted().toList();
    }

    private NetworkView view(Network n) {
        return NetworkViews.network(n, attached(n.name()));
    }

    /** What differs between a network and a spec asking for it, for the conflict message; empty when nothing. */
    static List<String> differences(Network n, NetworkSpec spec) {
        List<String> out = new ArrayList<>();
        if (!n.labels().equals(spec.labels())) {
            out.add("labels " + new java.util.TreeMap<>(n.labels()));
        }
        if (n.internal() != spec.internal()) {
            out.add("internal: " + n.internal());
        }
        if (n.pool(IpFamily.V6).isPresent() != spec.enableIpv6()) {
            out.add("enableIpv6: " + n.pool(IpFamily.V6).isPresent());
        }
        if (n.mtu() != spec.mtu()) {
            out.add("mtu " + (n.mtu() == 0 ? "default" : n.mtu()));
        }
        if (n.masquerade() != spec.masquerade()) {
            out.add("masquerade " + n.masquerade());
        }
        for (IpamConfig wanted : spec.ipam()) {
            boolean found = n.subnets().stream().anyMatch(p -> p.subnet().equals(wanted.subnet())
                    && wanted.gateway().map(g -> g.equals(p.gateway())).orElse(true)
                    && wanted.ipRange().map(r -> r.equals(p.range())).orElse(true));
            if (!found) {
                out.add("subnets " + n.subnets().stream().map(p -> p.subnet() + " gateway " + p.gateway()).toList());
                break;
            }
        }
        return out;
    }
}
