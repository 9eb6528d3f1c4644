package io.jcompose.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.network.address.IpAddress;
import io.jcompose.network.host.HostNamespace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Published ports by DNAT, on a real kernel inside a sandbox host: from the host's loopback, from
 * another machine (the outside namespace), through the hairpin, tcp and udp, ranges, ephemeral
 * ports, host_ip, and the port-taken errors. Servers are busybox httpd inside the container
 * namespaces (UDP: a Java socket opened inside the namespace).
 */
@Tag("root")
class PublishedPortsIT extends SandboxedNetworkIT {
    private static final PortOwner WEB = new PortOwner("shop", "web");

    @Override
    protected void prepare() {
        manager.create(NetworkSpec.of("shop_default"));
    }

    private Attachment attach(String container, PortMapping... ports) {
        AttachRequest request = AttachRequest.of(ContainerId.of(container), NetworkMode.bridge(EndpointSpec.of("shop_default")));
        return manager.attach(ports.length == 0 ? request : request.withPorts(WEB, List.of(ports)));
    }

    private static String gateway(Attachment a) {
        return a.endpoints().getFirst().gateway4().orElseThrow().toString();
    }

    @Test
    void aTcpPortAnswersFromLoopbackFromOutsideAndThroughTheHairpin() {
        Attachment web = attach("web", PortMapping.tcp(8080, 80));
        assertThat(web.ports()).extracting(PublishedPort::toString).containsExactly("0.0.0.0:8080->10.201.0.2:80/tcp");
        sandbox.httpServer(web.netns().orElseThrow(), 80, "hello from web");
        Attachment client = attach("client");

        assertThat(Sandbox.httpGet(sandbox.hostNetns, "127.0.0.1:8080")).as("host loopback").isEqualTo("hello from web");
        assertThat(Sandbox.httpGet(sandbox.outsideNetns, Sandbox.HOST_ADDRESS + ":8080")).as("another machine")
                .isEqualTo("hello from web");
        assertThat(Sandbox.httpGet(client.netns().orElseThrow(), Sandbox.HOST_ADDRESS + ":8080"))
                .as("hairpin: a container through the host's address").isEqualTo("hello from web");
        assertThat(Sandbox.httpGet(client.netns().orElseThrow(), gateway(client) + ":8080"))
                .as("hairpin through the gateway").isEqualTo("hello from web");
        assertThat(Sandbox.httpGet(web.netns().orElseThrow(), Sandbox.HOST_ADDRESS + ":8080"))
                .as("hairpin back to the same container").isEqualTo("hello from web");

        manager.unpublish(ContainerId.of("web"));
        assertThat(Sandbox.httpGet(sandbox.hostNetns, "127.0.0.1:8080")).as("unpublished").isNull();
    }

    @Test
    void aPortWithdrawnAfterAnExitIsPublishedAgainAtOnceAndAnswersThere() {
        Attachment old = attach("old-web", PortMapping.tcp(8083, 80));
        manager.unpublishExited(ContainerId.of("old-web"));
        assertThat(manager.attachment(ContainerId.of("old-web")).orElseThrow().ports()).isEmpty();
        // the old map element may still be in the table: the new publish deletes it before adding its own
        Attachment next = attach("new-web", PortMapping.tcp(8083, 80));
        sandbox.httpServer(next.netns().orElseThrow(), 80, "the successor");
        assertThat(Sandbox.httpGet(sandbox.hostNetns, "127.0.0.1:8083")).isEqualTo("the successor");
        assertThat(old.ports()).isNotEmpty();
    }

    @Test
    void loopbackHostIpIsReachableOnlyFromTheHost() {
        Attachment web = attach("lo-web", PortMapping.tcp(8081, 80).withHostIp(IpAddress.parse("127.0.0.1")));
        sandbox.httpServer(web.netns().orElseThrow(), 80, "local only");
        assertThat(Sandbox.httpGet(sandbox.hostNetns, "127.0.0.1:8081")).isEqualTo("local only");
        assertThat(Sandbox.httpGet(sandbox.outsideNetns, Sandbox.HOST_ADDRESS + ":8081")).isNull();
    }

    @Test
    void aSpecificHostIpAnswersOnlyThere() {
        Attachment web = attach("ip-web", PortMapping.tcp(8082, 80).withHostIp(IpAddress.parse(Sandbox.HOST_ADDRESS)));
        sandbox.httpServer(web.netns().orElseThrow(), 80, "on 198.18.0.1");
        assertThat(Sandbox.httpGet(sandbox.outsideNetns, Sandbox.HOST_ADDRESS + ":8082")).isEqualTo("on 198.18.0.1");
        assertThat(Sandbox.httpGet(sandbox.hostNetns, "127.0.0.1:8082")).isNull();

        assertThatThrownBy(() -> attach("bad-ip", PortMapping.tcp(8083, 80).withHostIp(IpAddress.parse("198.18.0.77"))))
                .isInstanceOf(NetworkException.class).hasMessageContaining("not an address of this host");
    }

    @Test
    void rangesAndEphemeralPortsAreReportedAndWork() {
        Attachment ranged = attach("ranged", new PortMapping(Protocol.TCP, Optional.empty(),
                Optional.of(new PortRange(9000, 9001)), new PortRange(80, 81)));
        assertThat(ranged.ports()).extracting(PublishedPort::hostPort).containsExactly(9000, 9001);
        sandbox.httpServer(ranged.netns().orElseThrow(), 80, "eighty");
        sandbox.httpServer(ranged.netns().orElseThrow(), 81, "eighty-one");
        assertThat(Sandbox.httpGet(sandbox.hostNetns, "127.0.0.1:9000")).isEqualTo("eighty");
        assertThat(Sandbox.httpGet(sandbox.hostNetns, "127.0.0.1:9001")).isEqualTo("eighty-one");

        Attachment ephemeral = attach("ephemeral", PortMapping.ephemeral(Protocol.TCP, 80));
        int port = ephemeral.ports().getFirst().hostPort();
        assertThat(port).isPositive();
        sandbox.httpServer(ephemeral.netns().orElseThrow(), 80, "ephemeral");
        assertThat(Sandbox.httpGet(sandbox.hostNetns, "127.0.0.1:" + port)).isEqualTo("ephemeral");

        // A host range for one container port takes the first free port of the range.
        Attachment picky = attach("picky", new PortMapping(Protocol.TCP, Optional.empty(),
                Optional.of(new PortRange(9000, 9005)), PortRange.of(80)));
        assertThat(picky.ports()).extracting(PublishedPort::hostPort).containsExactly(9002);
    }

    @Test
    void udpIsForwardedToo() throws IOException {
        Attachment dns = attach("udp", new PortMapping(Protocol.UDP, Optional.empty(), Optional.of(PortRange.of(5353)),
                PortRange.of(53)));
        try (HostNamespace inContainer = HostNamespace.join(dns.netns().orElseThrow());
             HostNamespace inHost = HostNamespace.join(sandbox.hostNetns)) {
            DatagramChannel server = inContainer.call(() -> DatagramChannel.open().bind(new InetSocketAddress(53)));
            DatagramChannel client = inHost.call(() -> DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0)));
            try (server; client) {
                client.send(ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8)), new InetSocketAddress("127.0.0.1", 5353));
                ByteBuffer got = ByteBuffer.allocate(64);
                server.configureBlocking(false);
                InetSocketAddress from = null;
                for (int i = 0; i < 300 && from == null; i++) {
                    from = (InetSocketAddress) server.receive(got);
                    if (from == null) {
                        sleep(10);
                    }
                }
                assertThat(from).as("datagram forwarded into the container").isNotNull();
                assertThat(new String(got.array(), 0, got.position(), StandardCharsets.UTF_8)).isEqualTo("ping");
                server.send(ByteBuffer.wrap("pong".getBytes(StandardCharsets.UTF_8)), from);
                ByteBuffer reply = ByteBuffer.allocate(64);
                client.configureBlocking(false);
                InetSocketAddress replied = null;
                for (int i = 0; i < 300 && replied == null; i++) {
                    replied = (InetSocketAddress) client.receive(reply);
                    if (replied == null) {
                        sleep(10);
                    }
                }
                assertThat(replied).as("reply back through conntrack").isNotNull();
                assertThat(new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8)).isEqualTo("pong");
            }
        }
    }

    @Test
    void aPortHeldByAProcessFailsNamingItBeforeAnythingIsCreated() {
        Process holder = sandbox.start(sandbox.hostNetns, "busybox", "nc", "-l", "-p", "7070");
        Sandbox.awaitListening(sandbox.hostNetns, 7070);
        assertThatThrownBy(() -> attach("late", PortMapping.tcp(7070, 80)))
                .isInstanceOf(NetworkException.class)
                .satisfies(e -> assertThat(((NetworkException) e).kind()).isEqualTo(NetworkException.Kind.CONFLICT))
                .hasMessageContaining("0.0.0.0:7070/tcp")
                .hasMessageContaining("process busybox (pid " + holder.pid() + ")");
        assertThat(manager.attachment(ContainerId.of("late"))).isEmpty();
        assertThat(sandbox.config().netnsDir().resolve("late")).doesNotExist();
        assertThat(sandbox.managerLinks()).hasSize(1); // only the bridge
    }

    @Test
    void checkPortsNamesEveryHolderAndCreatesNothing() {
        Process holder = sandbox.start(sandbox.hostNetns, "busybox", "nc", "-l", "-p", "7071");
        Sandbox.awaitListening(sandbox.hostNetns, 7071);
        attach("first", PortMapping.tcp(8092, 80));
        List<PortMapping> wanted = List.of(PortMapping.tcp(7071, 80), PortMapping.tcp(8092, 80), PortMapping.tcp(8093, 80));

        List<PortConflict> conflicts = manager.checkPorts(wanted, java.util.Set.of());
        assertThat(conflicts).extracting(PortConflict::mapping).containsExactly(PortMapping.tcp(7071, 80), PortMapping.tcp(8092, 80));
        assertThat(conflicts.get(0).problem()).contains("0.0.0.0:7071/tcp", "process busybox (pid " + holder.pid() + ")");
        assertThat(conflicts.get(1).problem()).contains("already published by project shop, service web (container first)");
        assertThat(conflicts).extracting(PortConflict::heldBy).containsExactly(Optional.empty(), Optional.of(ContainerId.of("first")));
        assertThat(manager.checkPorts(List.of(PortMapping.tcp(8092, 80)), java.util.Set.of(ContainerId.of("first"))))
                .as("the port of a container being replaced").isEmpty();

        assertThat(manager.attachments()).extracting(a -> a.container().value()).containsExactly("first");
        assertThat(sandbox.managerLinks()).as("the bridge and first's veth only").hasSize(2);
        int rebound = sandbox.host.call(() -> {
            try (java.net.ServerSocket again = new java.net.ServerSocket(8093)) {
                return again.getLocalPort();
            }
        });
        assertThat(rebound).as("the probe of a free port left nothing bound").isEqualTo(8093);
    }

    @Test
    void aPortPublishedByAnotherServiceFailsNamingProjectAndService() {
        attach("first", PortMapping.tcp(8090, 80));
        assertThatThrownBy(() -> attach("second", PortMapping.tcp(8090, 81)))
                .isInstanceOf(NetworkException.class)
                .hasMessageContaining("already published by project shop, service web (container first)");
        assertThatThrownBy(() -> attach("third", PortMapping.tcp(8090, 80).withHostIp(IpAddress.parse("127.0.0.1"))))
                .as("a specific address overlaps all addresses").hasMessageContaining("project shop, service web");
    }

    @Test
    void anotherProgramCannotTakeAPublishedPort() {
        attach("owner", PortMapping.tcp(8091, 80));
        Sandbox.Result r = Sandbox.tryIn(sandbox.hostNetns, 5, "busybox", "nc", "-l", "-p", "8091");
        assertThat(r.exit()).as("bind fails while we hold the port").isNotZero();
        assertThat(r.stderr() + r.stdout()).containsIgnoringCase("in use");
    }

    @Test
    void ipv6LoopbackAndAllAddressesOnADualStackNetwork() throws IOException {
        manager.create(NetworkSpec.of("dual").withIpv6(true));
        Attachment web = manager.attach(AttachRequest.of(ContainerId.of("six"), NetworkMode.bridge(EndpointSpec.of("dual")))
                .withPorts(WEB, List.of(PortMapping.tcp(8443, 80), PortMapping.tcp(8444, 80).withHostIp(IpAddress.parse("::1")))));
        assertThat(web.ports()).extracting(PublishedPort::toString).contains(
                "0.0.0.0:8443->10.201.1.2:80/tcp", "[::]:8443->[fd6a:7465:7374::2]:80/tcp",
                "[::1]:8444->[fd6a:7465:7374::2]:80/tcp");
        sandbox.httpServer(web.netns().orElseThrow(), 80, "dual");
        assertThat(Sandbox.httpGet(sandbox.hostNetns, "127.0.0.1:8443")).isEqualTo("dual");
        assertThat(Sandbox.httpGet(sandbox.hostNetns, "[::1]:8444")).as("host_ip ::1, relayed").isEqualTo("dual");
        assertThat(Sandbox.httpGet(sandbox.hostNetns, "[::1]:8443")).as("all addresses, ::1 relayed").isEqualTo("dual");
        assertThat(Sandbox.httpGet(web.netns().orElseThrow(), "[fd6a:7465:7374::1]:8443"))
                .as("IPv6 hairpin through the gateway, by DNAT").isEqualTo("dual");
    }

    @Test
    void theIpv6LoopbackReachesAnIpv4OnlyContainer() {
        Attachment web = attach("v4only", PortMapping.tcp(8445, 80));
        assertThat(web.ports()).extracting(PublishedPort::toString).containsExactly("0.0.0.0:8445->10.201.0.2:80/tcp");
        sandbox.httpServer(web.netns().orElseThrow(), 80, "four");
        assertThat(Sandbox.httpGet(sandbox.hostNetns, "[::1]:8445")).isEqualTo("four");
        manager.detach(ContainerId.of("v4only"));
        assertThat(Sandbox.httpGet(sandbox.hostNetns, "[::1]:8445")).as("relay closed with the port").isNull();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
