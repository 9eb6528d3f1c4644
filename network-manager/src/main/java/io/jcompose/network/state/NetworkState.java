package io.jcompose.network.state;

import io.jcompose.network.Network;
import io.jcompose.network.NetworkName;
import io.jcompose.network.address.IpFamily;
import io.jcompose.network.ipam.AddressSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A network as the manager remembers it: what was made, and the address leases of each subnet. */
public record NetworkState(NetworkName name, String id, String bridge, Map<String, String> labels, boolean internal,
                           boolean masquerade, int mtu, List<String> ignoredDriverOptions, List<AddressSpace> spaces) {

    public NetworkState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bridge, "bridge");
        labels = Map.copyOf(labels);
        ignoredDriverOptions = List.copyOf(ignoredDriverOptions);
        spaces = List.copyOf(spaces);
    }

    public Network toNetwork() {
        return new Network(name, id, bridge, labels, internal, masquerade, mtu,
                spaces.stream().map(AddressSpace::pool).toList(), ignoredDriverOptions);
    }

    public Optional<AddressSpace> space(IpFamily family) {
        return spaces.stream().filter(s -> s.family() == family).findFirst();
    }

    /** This network with the space of the same family replaced. */
    public NetworkState withSpace(AddressSpace space) {
        List<AddressSpace> updated = new ArrayList<>(spaces.size());
        for (AddressSpace s : spaces) {
            updated.add(s.family() == space.family() ? space : s);
        }
        return new NetworkState(name, id, bridge, labels, internal, masquerade, mtu, ignoredDriverOptions, updated);
    }

    /** Releases every lease held by {@code owner} in every subnet. */
    public NetworkState release(String owner) {
        return new NetworkState(name, id, bridge, labels, internal, masquerade, mtu, ignoredDriverOptions,
                spaces.stream().map(s -> s.release(owner)).toList());
    }
}
