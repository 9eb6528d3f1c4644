package io.jcompose.network.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.network.ContainerId;
import io.jcompose.network.Endpoint;
import io.jcompose.network.EndpointSpec;
import io.jcompose.network.NetworkException;
import io.jcompose.network.NetworkName;
import io.jcompose.network.StateFixture;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.MacAddress;
import io.jcompose.network.bridge.InterfaceNames;
import io.jcompose.network.state.ManagerState;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttachPlannerTest {

    private static final ManagerState STATE = StateFixture.twoNetworksAndAWebServer();
    private static final ContainerId C = ContainerId.of("shop-api-1");

    private static AttachPlan plan(EndpointSpec... specs) {
        return AttachPlanner.plan(C, List.of(specs), STATE, new InterfaceNames("jc"), n -> false, new Random(1));
    }

    private static EndpointSpec ep(String network, int priority, int gwPriority) {
        return EndpointSpec.of("shop_" + network).withPriority(priority).withGwPriority(gwPriority);
    }

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("by name when priorities tie", List.of(ep("plain", 0, 0), ep("default", 0, 0)),
                        "shop_default=eth0 shop_plain=eth1", "shop_default"),
                Arguments.of("higher priority first", List.of(ep("default", 0, 0), ep("plain", 5, 0)),
                        "shop_plain=eth0 shop_default=eth1", "shop_default"),
                Arguments.of("gw_priority picks the route", List.of(ep("default", 0, 0), ep("plain", 0, 3)),
                        "shop_default=eth0 shop_plain=eth1", "shop_plain"),
                Arguments.of("internal never carries it", List.of(ep("secret", 9, 9), ep("plain", 0, 0)),
                        "shop_secret=eth0 shop_plain=eth1", "shop_plain"),
                Arguments.of("only internal: no default route", List.of(ep("secret", 0, 0)),
                        "shop_secret=eth0", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void interfaceOrderAndDefaultRoute(String name, List<EndpointSpec> specs, String order, String gateway) {
        AttachPlan plan = AttachPlanner.plan(C, specs, STATE, new InterfaceNames("jc"), n -> false, new Random(1));
        assertThat(String.join(" ", plan.endpoints().stream().map(e -> e.network() + "=" + e.interfaceName()).toList()))
                .isEqualTo(order);
        assertThat(String.join("", plan.endpoints().stream().filter(Endpoint::defaultRoute).map(e -> e.network().value()).toList()))
                .isEqualTo(gateway);
    }

    @Test
    void addressesMacsAndLeases() {
        AttachPlan plan = plan(EndpointSpec.of("shop_default"), EndpointSpec.of("shop_plain")
                .withMacAddress(MacAddress.parse("02:00:00:00:00:01")).withIpv4Address(IpAddress.parse("172.19.0.50")));
        Endpoint eth0 = plan.endpoints().get(0);
        assertThat(eth0.ipv4().orElseThrow().toString()).as("after the web server's lease").isEqualTo("172.17.0.3/16");
        assertThat(eth0.ipv6().orElseThrow().toString()).isEqualTo("fd00:1::2/64");
        assertThat(eth0.mac()).isEqualTo(MacAddress.parse("02:42:ac:11:00:03"));
        assertThat(eth0.gateway4()).contains(IpAddress.parse("172.17.0.1"));
        Endpoint eth1 = plan.endpoints().get(1);
        assertThat(eth1.ipv4().orElseThrow().toString()).isEqualTo("172.19.0.50/16");
        assertThat(eth1.mac()).isEqualTo(MacAddress.parse("02:00:00:00:00:01"));
        assertThat(eth0.hostInterface()).isNotEqualTo(eth1.hostInterface()).startsWith("jcv");
        assertThat(plan.stateWithLeases().network(NetworkName.of("shop_plain")).orElseThrow().space(
                io.jcompose.network.address.IpFamily.V4).orElseThrow().leases())
                .containsEntry(IpAddress.parse("172.19.0.50"), "shop-api-1");
        assertThat(plan.steps().get(0).bridge()).isEqualTo("jcb000000000001");
    }

    @Test
    void mistakesAreRefusedWithAFix() {
        assertThatThrownBy(() -> plan(EndpointSpec.of("nope"))).isInstanceOf(NetworkException.class)
                .hasMessageContaining("network nope of container shop-api-1 does not exist");
        assertThatThrownBy(() -> plan(EndpointSpec.of("shop_default"), EndpointSpec.of("shop_default")))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> plan(EndpointSpec.of("shop_plain").withIpv6Address(IpAddress.parse("fd00::5"))))
                .hasMessageContaining("enable_ipv6");
        assertThatThrownBy(() -> EndpointSpec.of("x").withIpv4Address(IpAddress.parse("fd00::5")))
                .hasMessageContaining("not an IPv4 address");
    }

    @Test
    void vethBatchesCreateEndsInPlaceAndConfigureTheNamespace() {
        AttachPlan plan = plan(EndpointSpec.of("shop_default"), EndpointSpec.of("shop_secret"));
        String v0 = plan.endpoints().get(0).hostInterface();
        String v1 = plan.endpoints().get(1).hostInterface();
        assertThat(Veths.namespaceBatch(plan.steps(), Path.of("/proc/1/ns/net")).lines()).containsExactly(
                "link add eth0 address 02:42:ac:11:00:03 type veth peer name " + v0 + " netns /proc/1/ns/net",
                "link add eth1 address 02:42:ac:12:00:02 mtu 1400 type veth peer name " + v1 + " mtu 1400 netns /proc/1/ns/net",
                "link set lo up",
                "addr add 172.17.0.3/16 dev eth0",
                "addr add fd00:1::2/64 dev eth0 nodad",
                "link set eth0 up",
                "addr add 172.18.0.2/16 dev eth1",
                "link set eth1 up",
                "route add default via 172.17.0.1 dev eth0",
                "route add default via fd00:1::1 dev eth0");
        assertThat(Veths.hostBatch(plan.steps()).lines()).containsExactly(
                "link set " + v0 + " master jcb000000000001 up",
                "link set " + v0 + " type bridge_slave hairpin on",
                "link set " + v1 + " master jcb000000000002 up",
                "link set " + v1 + " type bridge_slave hairpin on");
    }
}
