package io.jcompose.agent.network;

import io.jcompose.network.Attachment;
import io.jcompose.network.ContainerId;
import io.jcompose.network.Endpoint;
import io.jcompose.network.EndpointSpec;
import io.jcompose.network.Network;
import io.jcompose.network.NetworkMode;
import io.jcompose.network.NetworkName;
import io.jcompose.network.address.InterfaceAddress;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.MacAddress;
import io.jcompose.network.address.Subnet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Network-manager values as the manager would report them, for tests without a kernel. */
final class NetworkFixtures {
    private NetworkFixtures() {
    }

    /** A network {@code name} on {@code 10.9.N.0/24} with gateway {@code .1}. */
    static Network network(String name, int n, boolean internal) {
        Subnet subnet = Subnet.parse("10.9." + n + ".0/24");
        return new Network(NetworkName.of(name), "id-" + name, "jcbr" + n, Map.of(), internal, !internal, 0,
                List.of(new Network.Pool(subnet, IpAddress.parse("10.9." + n + ".1"), subnet, Map.of())), List.of());
    }

    static Endpoint endpoint(String network, int n, int host, String... aliases) {
        IpAddress address = IpAddress.parse("10.9." + n + "." + host);
        return new Endpoint(NetworkName.of(network), "eth0", "jcv" + n + host, MacAddress.fromIpv4(address),
                Optional.of(new InterfaceAddress(address, 24)), Optional.empty(),
                Optional.of(IpAddress.parse("10.9." + n + ".1")), Optional.empty(), true, List.of(aliases));
    }

    static Attachment bridge(String id, Endpoint... endpoints) {
        List<EndpointSpec> specs = java.util.Arrays.stream(endpoints).map(e -> EndpointSpec.of(e.network())).toList();
        return new Attachment(ContainerId.of(id), new NetworkMode.Bridge(specs),
                Optional.of(Path.of("/run/jcompose/netns/" + id)), List.of(endpoints), List.of());
    }
}
