package io.jcompose.network;

import io.jcompose.network.address.InterfaceAddress;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.MacAddress;
import io.jcompose.network.address.Subnet;
import io.jcompose.network.ipam.AddressSpace;
import io.jcompose.network.state.ContainerState;
import io.jcompose.network.state.ManagerState;
import io.jcompose.network.state.NetworkState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fixed state for the tests of everything derived from it (ruleset, state file). */
public final class StateFixture {

    private StateFixture() {
    }

    public static AddressSpace space(String subnet) {
        Subnet s = Subnet.parse(subnet);
        return AddressSpace.of(new Network.Pool(s, s.network().plus(1), s, Map.of()));
    }

    public static ManagerState twoNetworksAndAWebServer() {
        NetworkState app = new NetworkState(NetworkName.of("shop_default"), "a".repeat(64), "jcb000000000001",
                Map.of("com.docker.compose.project", "shop"), false, true, 0, List.of(),
                List.of(space("172.17.0.0/16"), space("fd00:1::/64")));
        NetworkState secret = new NetworkState(NetworkName.of("shop_secret"), "b".repeat(64), "jcb000000000002",
                Map.of(), true, true, 1400, List.of(), List.of(space("172.18.0.0/16")));
        NetworkState plain = new NetworkState(NetworkName.of("shop_plain"), "c".repeat(64), "jcb000000000003",
                Map.of(), false, false, 0, List.of("com.docker.network.bridge.name"), List.of(space("172.19.0.0/16")));
        app = app.withSpace(app.space(io.jcompose.network.address.IpFamily.V4).orElseThrow()
                .allocate("shop-web-1", Optional.empty()).space());
        Endpoint eth0 = new Endpoint(NetworkName.of("shop_default"), "eth0", "jcv00000000000a", MacAddress.parse("02:42:ac:11:00:02"),
                Optional.of(InterfaceAddress.parse("172.17.0.2/16")), Optional.of(InterfaceAddress.parse("fd00:1::2/64")),
                Optional.of(IpAddress.parse("172.17.0.1")), Optional.of(IpAddress.parse("fd00:1::1")), true, List.of("web"));
        List<PublishedPort> ports = List.of(
                new PublishedPort(Protocol.TCP, IpAddress.parse("0.0.0.0"), 8080, IpAddress.parse("172.17.0.2"), 80),
                new PublishedPort(Protocol.TCP, IpAddress.parse("::"), 8080, IpAddress.parse("fd00:1::2"), 80),
                new PublishedPort(Protocol.UDP, IpAddress.parse("127.0.0.1"), 5353, IpAddress.parse("172.17.0.2"), 53));
        ContainerState web = new ContainerState(ContainerId.of("shop-web-1"),
                NetworkMode.bridge(EndpointSpec.of("shop_default").withAliases(List.of("web"))),
                Optional.of(Path.of("/run/jcompose/netns/shop-web-1")), Optional.of(Path.of("/run/jcompose/netns/shop-web-1")),
                List.of(eth0), Optional.of(new PortOwner("shop", "web")), ports);
        return ManagerState.empty().withNetwork(app).withNetwork(secret).withNetwork(plain).withContainer(web);
    }
}
