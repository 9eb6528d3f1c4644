package io.jcompose.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.MacAddress;
import io.jcompose.network.address.Subnet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bridges, namespaces and veths on a real kernel, inside a sandbox host namespace. Namespaces play
 * the containers; busybox runs inside them. Traffic only goes to addresses in those namespaces.
 */
@Tag("root")
class BridgeNetworkIT extends SandboxedNetworkIT {
    private Attachment attach(String container, EndpointSpec... endpoints) {
        return manager.attach(AttachRequest.of(ContainerId.of(container), NetworkMode.bridge(endpoints)));
    }

    private static Path ns(Attachment a) {
        return a.netns().orElseThrow();
    }

    @Test
    void containersOnOneNetworkGetAddressesARouteAndReachEachOther() {
        Network net = manager.create(NetworkSpec.of("app_default").withLabels(Map.of("com.docker.compose.project", "app")));
        assertThat(net.bridge()).startsWith(sandbox.prefix + "b").hasSize(15);
        assertThat(net.labels()).containsEntry("com.docker.compose.project", "app");
        Network.Pool pool = net.subnets().getFirst();
        assertThat(pool.subnet()).isEqualTo(Subnet.parse("10.201.0.0/24"));
        assertThat(pool.gateway()).isEqualTo(IpAddress.parse("10.201.0.1"));

        Attachment a = attach("a", EndpointSpec.of("app_default"));
        Attachment b = attach("b", EndpointSpec.of("app_default"));

        Endpoint ea = a.endpoints().getFirst();
        assertThat(ea.interfaceName()).isEqualTo("eth0");
        assertThat(ea.ipv4().orElseThrow().toString()).isEqualTo("10.201.0.2/24");
        assertThat(ea.mac()).isEqualTo(MacAddress.parse("02:42:0a:c9:00:02"));
        assertThat(Sandbox.in(ns(a), "ip", "-4", "-o", "addr", "show", "eth0")).contains("10.201.0.2/24");
        assertThat(Sandbox.in(ns(a), "ip", "link", "show", "eth0")).contains("02:42:0a:c9:00:02");
        assertThat(Sandbox.in(ns(a), "ip", "link", "show", "lo")).contains("UP");
        assertThat(Sandbox.in(ns(a), "ip", "route", "show", "default")).contains("default via 10.201.0.1 dev eth0");
        assertThat(Sandbox.ping(ns(a), "10.201.0.3")).isTrue();
        assertThat(Sandbox.ping(ns(b), "10.201.0.2")).isTrue();
        assertThat(Sandbox.ping(ns(a), "10.201.0.1")).as("gateway").isTrue();
    }

    @Test
    void interfacesFollowPriorityAndTheDefaultRouteFollowsGwPriority() {
        manager.create(NetworkSpec.of("front"));
        manager.create(NetworkSpec.of("back"));
        manager.create(NetworkSpec.of("admin"));
        Attachment a = attach("multi",
                EndpointSpec.of("front").withPriority(10),
                EndpointSpec.of("back").withPriority(10).withGwPriority(5),
                EndpointSpec.of("admin"));
        assertThat(a.endpoints()).extracting(e -> e.network().value() + "=" + e.interfaceName())
                .containsExactly("back=eth0", "front=eth1", "admin=eth2");
        assertThat(a.endpoints()).filteredOn(Endpoint::defaultRoute).extracting(e -> e.network().value())
                .containsExactly("back");
        String gw = a.endpoints().getFirst().gateway4().orElseThrow().toString();
        assertThat(Sandbox.in(ns(a), "ip", "route", "show", "default")).contains("default via " + gw + " dev eth0")
                .doesNotContain("eth1");
        assertThat(Sandbox.in(ns(a), "ip", "-o", "link")).contains("eth0", "eth1", "eth2");
    }

    @Test
    void ipamConfigStaticAddressesAndMacAreHonoured() {
        manager.create(NetworkSpec.of("static").withIpam(List.of(
                IpamConfig.of(Subnet.parse("10.202.0.0/24")).withGateway(IpAddress.parse("10.202.0.254"))
                        .withIpRange(Subnet.parse("10.202.0.128/25"))
                        .withAuxAddresses(Map.of("router", IpAddress.parse("10.202.0.129"))))));
        Attachment dynamic = attach("dyn", EndpointSpec.of("static"));
        assertThat(dynamic.endpoints().getFirst().ipv4().orElseThrow().address())
                .as("first address of ip_range").isEqualTo(IpAddress.parse("10.202.0.128"));
        Attachment next = attach("dyn2", EndpointSpec.of("static"));
        assertThat(next.endpoints().getFirst().ipv4().orElseThrow().address())
                .as("the next one skips the aux address").isEqualTo(IpAddress.parse("10.202.0.130"));
        Attachment fixed = attach("fixed", EndpointSpec.of("static").withIpv4Address(IpAddress.parse("10.202.0.7"))
                .withMacAddress(MacAddress.parse("02:00:00:00:00:07")));
        assertThat(Sandbox.in(ns(fixed), "ip", "-o", "addr", "show", "eth0")).contains("10.202.0.7/24");
        assertThat(Sandbox.in(ns(fixed), "ip", "link", "show", "eth0")).contains("02:00:00:00:00:07");
        assertThat(Sandbox.in(ns(fixed), "ip", "route", "show", "default")).contains("via 10.202.0.254");
        assertThat(Sandbox.ping(ns(fixed), "10.202.0.130")).isTrue();

        assertThatThrownBy(() -> attach("clash", EndpointSpec.of("static").withIpv4Address(IpAddress.parse("10.202.0.7"))))
                .isInstanceOf(NetworkException.class).hasMessageContaining("already in use by container fixed");
        assertThat(Path.of(sandbox.config().netnsDir().toString(), "clash")).as("nothing left of the failed attach")
                .doesNotExist();
    }

    @Test
    void aKernelFailureHalfWayThroughAnAttachLeavesNothingBehind() {
        Network net = manager.create(NetworkSpec.of("fragile"));
        manager.create(NetworkSpec.of("other"));
        String id = manager.get(NetworkName.of("other")).orElseThrow().id();
        // Occupy the name the second veth will get, so the kernel refuses it after the first pair exists.
        String clash = new io.jcompose.network.bridge.InterfaceNames(sandbox.prefix).veth("victim", id, n -> false);
        sandbox.inHost("ip", "link", "add", clash, "type", "bridge");
        try {
            assertThatThrownBy(() -> manager.attach(AttachRequest.of(ContainerId.of("victim"),
                            NetworkMode.bridge(EndpointSpec.of("fragile"), EndpointSpec.of("other")))
                    .withPorts(new PortOwner("p", "victim"), List.of(PortMapping.tcp(8123, 80)))))
                    .isInstanceOf(NetworkException.class)
                    .hasMessageContaining("failed to create the network namespace of container victim");
            assertThat(sandbox.config().netnsDir().resolve("victim")).doesNotExist();
            assertThat(sandbox.namespaceMounts()).isEmpty();
            assertThat(sandbox.managerLinks()).containsExactlyInAnyOrder(net.bridge(),
                    manager.get(NetworkName.of("other")).orElseThrow().bridge(), clash);
            assertThat(manager.attachment(ContainerId.of("victim"))).isEmpty();
            assertThat(sandbox.inHost("nft", "list", "table", "inet", sandbox.prefix)).as("its DNAT entries were withdrawn")
                    .doesNotContain("8123");
            sandbox.host.run(() -> {
                try (java.net.ServerSocket free = new java.net.ServerSocket(8123)) {
                    assertThat(free.getLocalPort()).as("the port reservation was released").isEqualTo(8123);
                } catch (java.io.IOException e) {
                    throw new AssertionError("port 8123 is still held after the failed attach", e);
                }
            });
            Attachment retry = attach("survivor", EndpointSpec.of("fragile"));
            assertThat(retry.endpoints().getFirst().ipv4().orElseThrow().address())
                    .as("the failed attach's lease was not kept").isEqualTo(IpAddress.parse("10.201.0.2"));
        } finally {
            sandbox.inHost("ip", "link", "del", clash);
        }
    }

    @Test
    void mtuFromDriverOptionsReachesBridgeAndBothVethEnds() {
        Network net = manager.create(NetworkSpec.of("small").withDriverOptions(Map.of(NetworkSpec.MTU_OPTION, "1400",
                "com.docker.network.bridge.name", "br-x")));
        assertThat(net.mtu()).isEqualTo(1400);
        assertThat(net.ignoredDriverOptions()).containsExactly("com.docker.network.bridge.name");
        Attachment a = attach("m", EndpointSpec.of("small"));
        assertThat(Sandbox.in(ns(a), "ip", "link", "show", "eth0")).contains("mtu 1400");
        assertThat(sandbox.inHost("ip", "link", "show", a.endpoints().getFirst().hostInterface())).contains("mtu 1400");
        assertThat(sandbox.inHost("ip", "link", "show", net.bridge())).contains("mtu 1400");
    }

    @Test
    void dualStackNetworkGivesIpv6AddressesAndRoutes() {
        Network net = manager.create(NetworkSpec.of("v6").withIpv6(true));
        assertThat(net.subnets()).extracting(p -> p.subnet().toString())
                .containsExactly("10.201.0.0/24", "fd6a:7465:7374::/64");
        Attachment a = attach("six-a", EndpointSpec.of("v6"));
        Attachment b = attach("six-b", EndpointSpec.of("v6").withIpv6Address(IpAddress.parse("fd6a:7465:7374::99")));
        assertThat(a.endpoints().getFirst().ipv6().orElseThrow().toString()).isEqualTo("fd6a:7465:7374::2/64");
        assertThat(Sandbox.in(ns(a), "ip", "-6", "route", "show", "default")).contains("via fd6a:7465:7374::1");
        assertThat(Sandbox.ping(ns(a), "fd6a:7465:7374::99")).isTrue();
        assertThat(Sandbox.ping(ns(b), "fd6a:7465:7374::2")).isTrue();
    }

    @Test
    void hostNoneAndSharedModes() {
        manager.create(NetworkSpec.of("shared"));
        Attachment host = manager.attach(AttachRequest.of(ContainerId.of("h"), new NetworkMode.Host()));
        assertThat(host.netns()).isEmpty();
        Attachment none = manager.attach(AttachRequest.of(ContainerId.of("n"), new NetworkMode.None()));
        assertThat(Sandbox.in(ns(none), "ip", "-o", "link")).contains("lo").doesNotContain("eth0");
        assertThat(Sandbox.in(ns(none), "ip", "link", "show", "lo")).contains("UP");

        Attachment owner = attach("owner", EndpointSpec.of("shared"));
        Attachment sidecar = manager.attach(AttachRequest.of(ContainerId.of("sidecar"), new NetworkMode.Shared(ContainerId.of("owner"))));
        assertThat(sidecar.netns()).isEqualTo(owner.netns());
        assertThat(sidecar.endpoints()).isEqualTo(owner.endpoints());
        assertThatThrownBy(() -> manager.detach(ContainerId.of("owner")))
                .isInstanceOf(NetworkException.class).hasMessageContaining("sidecar");
        manager.detach(ContainerId.of("sidecar"));
        manager.detach(ContainerId.of("owner"));
        assertThat(ns(owner)).doesNotExist();
    }

    @Test
    void externalNetworksMustExistAndCreatingThemMakesNothing() {
        assertThatThrownBy(() -> manager.create(NetworkSpec.of("outer").withExternal(true)))
                .isInstanceOf(NetworkException.class)
                .satisfies(e -> assertThat(((NetworkException) e).kind()).isEqualTo(NetworkException.Kind.NOT_FOUND))
                .hasMessageContaining("external");
        Network made = manager.create(NetworkSpec.of("outer"));
        assertThat(manager.create(NetworkSpec.of("outer").withExternal(true))).isEqualTo(made);
        manager.remove(NetworkSpec.of("outer").withExternal(true));
        assertThat(manager.list()).as("an external network is never removed").containsExactly(made);
        assertThat(sandbox.managerLinks()).containsExactly(made.bridge());
    }

    @Test
    void ensureReturnsAMatchingNetworkAndRefusesADifferentOne() {
        Network first = manager.ensure(NetworkSpec.of("again"));
        assertThat(manager.ensure(NetworkSpec.of("again"))).isEqualTo(first);
        assertThatThrownBy(() -> manager.ensure(NetworkSpec.of("again").withInternal(true)))
                .isInstanceOf(NetworkException.class).hasMessageContaining("different configuration");
        assertThatThrownBy(() -> manager.create(NetworkSpec.of("again")))
                .satisfies(e -> assertThat(((NetworkException) e).kind()).isEqualTo(NetworkException.Kind.ALREADY_EXISTS));
    }

    @Test
    void detachAndRemoveLeaveNothingAndReleaseLeases() {
        Network net = manager.create(NetworkSpec.of("gone"));
        Attachment a = attach("x", EndpointSpec.of("gone"));
        String veth = a.endpoints().getFirst().hostInterface();
        assertThatThrownBy(() -> manager.remove(net.name())).hasMessageContaining("active endpoints: x");
        manager.detach(ContainerId.of("x"));
        assertThat(ns(a)).doesNotExist();
        assertThat(sandbox.managerLinks()).containsExactly(net.bridge()).doesNotContain(veth);
        manager.remove(net.name());
        assertThat(manager.list()).as("gone at once, while its bridge goes").isEmpty();
        manager.awaitRemovals();
        assertThat(sandbox.managerLinks()).isEmpty();
        assertThat(sandbox.inHost("nft", "list", "table", "inet", sandbox.prefix)).doesNotContain(net.bridge());
    }

    @Test
    void aNetworkGoesWhileItsLastContainersVethsAreStillGoing() {
        Network first = manager.create(NetworkSpec.of("quick"));
        Attachment old = attach("y", EndpointSpec.of("quick"));
        manager.detachLater(ContainerId.of("y"));
        manager.remove(first.name());
        assertThat(manager.list()).isEmpty();
        assertThat(manager.attachments()).isEmpty();

        // the same container on the network made again: its attach waits for the old teardown
        Network second = manager.create(NetworkSpec.of("quick"));
        Attachment again = attach("y", EndpointSpec.of("quick"));
        assertThat(again.endpoints().getFirst().ipv4()).isEqualTo(old.endpoints().getFirst().ipv4());
        assertThat(sandbox.managerLinks()).containsExactlyInAnyOrder(second.bridge(),
                again.endpoints().getFirst().hostInterface());
        manager.detach(ContainerId.of("y"));
        manager.remove(second.name());
        manager.awaitRemovals();
        assertThat(sandbox.managerLinks()).isEmpty();
    }

    @Test
    void aRemovalAwaitedLeavesNothingOfTheNetworkNorOfItsLastContainer() {
        Network net = manager.create(NetworkSpec.of("whole"));
        Attachment last = attach("z", EndpointSpec.of("whole"));
        String veth = last.endpoints().getFirst().hostInterface();
        manager.detachLater(ContainerId.of("z"));
        manager.remove(net.name());
        manager.awaitRemovals();
        assertThat(sandbox.managerLinks()).as("neither the bridge nor the last container's veth " + veth).isEmpty();
        assertThat(ns(last)).doesNotExist();
        assertThat(sandbox.inHost("nft", "list", "table", "inet", sandbox.prefix)).doesNotContain(net.bridge());
    }

    @Test
    void aNetworkMadeAgainRightAfterItsRemovalGetsItsSubnetBack() {
        Network first = manager.create(NetworkSpec.of("again"));
        manager.remove(first.name());
        // the creation waits for the old bridge, whose route would otherwise keep its subnet from the pools
        Network second = manager.create(NetworkSpec.of("again"));
        assertThat(second.subnets()).isEqualTo(first.subnets());
        assertThat(sandbox.managerLinks()).containsExactly(second.bridge());
        assertThat(sandbox.inHost("nft", "list", "table", "inet", sandbox.prefix)).contains(second.bridge())
                .doesNotContain(first.bridge());
    }

    @Test
    void leasesSurviveARestartOfTheManager() {
        manager.create(NetworkSpec.of("durable"));
        Attachment a = attach("first", EndpointSpec.of("durable"));
        manager.close();
        manager = NetworkManager.open(sandbox.config());
        assertThat(manager.cleanupLeftovers().isEmpty()).as("nothing to sweep after a clean restart").isTrue();
        assertThat(manager.attachment(ContainerId.of("first"))).contains(a);
        Attachment b = attach("second", EndpointSpec.of("durable"));
        assertThat(b.endpoints().getFirst().ipv4().orElseThrow().address()).isEqualTo(IpAddress.parse("10.201.0.3"));
    }

    @Test
    void anAttachThatReturnsBeforeItsBridgePortsHasThemOnceBridgedCompletes() {
        Network net = manager.create(NetworkSpec.of("early"));
        PendingAttachment pending = manager.attachBridging(AttachRequest.of(ContainerId.of("early1"),
                NetworkMode.bridge(EndpointSpec.of("early"))));
        Attachment a = pending.attachment();
        assertThat(manager.attachment(ContainerId.of("early1"))).as("attached in the state at once").contains(a);
        assertThat(Sandbox.in(ns(a), "ip", "-o", "addr", "show", "eth0")).as("the namespace is complete at once")
                .contains(a.endpoints().getFirst().ipv4().orElseThrow().toString());
        pending.bridged().join();
        String veth = a.endpoints().getFirst().hostInterface();
        assertThat(sandbox.inHost("ip", "link", "show", veth)).contains("master " + net.bridge()).contains("state UP");
        Attachment b = attach("early2", EndpointSpec.of("early"));
        assertThat(Sandbox.ping(ns(b), a.endpoints().getFirst().ipv4().orElseThrow().address().toString())).isTrue();
        manager.detach(ContainerId.of("early1"));
        manager.detach(ContainerId.of("early2"));
        assertThat(sandbox.managerLinks()).containsExactly(net.bridge());
    }
}
