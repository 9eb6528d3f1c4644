package io.jcompose.network.state;

import io.jcompose.network.ContainerId;
import io.jcompose.network.NetworkName;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Everything the manager knows, as one immutable value; changes return a new state. */
public record ManagerState(SortedMap<NetworkName, NetworkState> networks, SortedMap<ContainerId, ContainerState> containers) {

    public ManagerState {
        networks = Collections.unmodifiableSortedMap(new TreeMap<>(networks));
        containers = Collections.unmodifiableSortedMap(new TreeMap<>(containers));
    }

    public static ManagerState empty() {
        return new ManagerState(new TreeMap<>(), new TreeMap<>());
    }

    public Optional<NetworkState> network(NetworkName name) {
        return Optional.ofNullable(networks.get(name));
    }

    public Optional<ContainerState> container(ContainerId id) {
        return Optional.ofNullable(containers.get(id));
    }

    public ManagerState withNetwork(NetworkState network) {
        TreeMap<NetworkName, NetworkState> updated = new TreeMap<>(networks);
        updated.put(network.name(), network);
        return new ManagerState(updated, containers);
    }

    public ManagerState withoutNetwork(NetworkName name) {
        TreeMap<NetworkName, NetworkState> updated = new TreeMap<>(networks);
        updated.remove(name);
        return new ManagerState(updated, containers);
    }

    public ManagerState withContainer(ContainerState container) {
        TreeMap<ContainerId, ContainerState> updated = new TreeMap<>(containers);
        updated.put(container.id(), container);
        return new ManagerState(networks, updated);
    }

    /** Drops the container and releases its address leases in every network. */
    public ManagerState withoutContainer(ContainerId id) {
        TreeMap<ContainerId, ContainerState> updated = new TreeMap<>(containers);
        updated.remove(id);
        TreeMap<NetworkName, NetworkState> released = new TreeMap<>();
        for (Map.Entry<NetworkName, NetworkState> e : networks.entrySet()) {
            released.put(e.getKey(), e.getValue().release(id.value()));
        }
        return new ManagerState(released, updated);
    }
}
