package io.jcompose.network.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.network.ContainerId;
import io.jcompose.network.PortConflict;
import io.jcompose.network.PortMapping;
import io.jcompose.network.PortRange;
import io.jcompose.network.Protocol;
import io.jcompose.network.StateFixture;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.host.HostNamespace;
import io.jcompose.network.state.ContainerState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pre-flight check on this machine's loopback (no root): sockets of the test itself play the
 * process that holds a port, the state fixture's web server plays a container publishing 8080.
 */
class PortCheckTest {

    private static final IpAddress LOOPBACK = IpAddress.parse("127.0.0.1");
    private static final Collection<ContainerState> WEB_ON_8080 = StateFixture.twoNetworksAndAWebServer().containers().values();
    private static final long PID = ProcessHandle.current().pid();

    private final HostNamespace host = HostNamespace.current();
    private final PortReservations reservations = new PortReservations(host);
    private final PortCheck check = new PortCheck(new PortPublisher(reservations, new PortHolders(host), host));

    private static PortMapping onLoopback(String hostPorts, int containerPort) {
        return new PortMapping(Protocol.TCP, Optional.of(LOOPBACK), Optional.of(PortRange.parse(hostPorts)), PortRange.of(containerPort));
    }

    private static ServerSocket holdLoopbackPort() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @Test
    void aPortHeldByAProcessIsAConflictNamingTheProcessAndItsPid() throws IOException {
        try (ServerSocket holder = holdLoopbackPort()) {
            int port = holder.getLocalPort();
            List<PortConflict> conflicts = check.check(List.of(onLoopback(Integer.toString(port), 80)), List.of(), Set.of());
            assertThat(conflicts).singleElement().satisfies(c -> {
                assertThat(c.mapping()).isEqualTo(onLoopback(Integer.toString(port), 80));
                assertThat(c.problem()).startsWith("host port 127.0.0.1:" + port + "/tcp of mapping 127.0.0.1:" + port
                                + ":80/tcp is already in use by process ")
                        .contains("(pid " + PID + ")")
                        .endsWith("— stop that process, or publish another host port");
            });
        }
    }

    @Test
    void allAddressesConflictWithAProcessOnLoopback() throws IOException {
        try (ServerSocket holder = holdLoopbackPort()) {
            List<PortConflict> conflicts = check.check(List.of(PortMapping.tcp(holder.getLocalPort(), 80)), List.of(), Set.of());
            assertThat(conflicts).singleElement().extracting(PortConflict::problem).asString()
                    .contains("0.0.0.0:" + holder.getLocalPort() + "/tcp", "(pid " + PID + ")");
        }
    }

    @Test
    void aPortAnotherContainerPublishesIsAConflictNamingProjectServiceAndContainer() {
        List<PortConflict> conflicts = check.check(List.of(PortMapping.tcp(8080, 80)), WEB_ON_8080, Set.of());
        assertThat(conflicts).extracting(PortConflict::problem).containsExactly(
                "host port 0.0.0.0:8080/tcp of mapping 8080:80/tcp is already published by project shop, service web"
                        + " (container shop-web-1) — publish another host port, or stop the service that holds it");
        assertThat(conflicts).extracting(PortConflict::heldBy).containsExactly(Optional.of(ContainerId.of("shop-web-1")));
    }

    @Test
    void aPortOfAContainerBeingReplacedIsFree() {
        // the manager itself would hold that socket, so the check must not probe it either
        assertThat(check.check(List.of(PortMapping.tcp(8080, 80)), WEB_ON_8080, Set.of(ContainerId.of("shop-web-1")))).isEmpty();
    }

    @Test
    void aRangeIsFreeWhenAnyOfItsPortsIsAndTakenWhenNoneIs() throws IOException {
        ServerSocket[] pair = adjacentPair();
        try (ServerSocket first = pair[0]; ServerSocket second = pair[1]) {
            int low = first.getLocalPort();
            String range = low + "-" + (low + 1);
            assertThat(check.check(List.of(onLoopback(range, 80)), List.of(), Set.of())).as("both taken")
                    .singleElement().extracting(PortConflict::problem).asString()
                    .contains("127.0.0.1:" + low + "/tcp (and every other port of the range)");
            second.close();
            assertThat(check.check(List.of(onLoopback(range, 80)), List.of(), Set.of())).as("one free").isEmpty();
        }
    }

    @Test
    void aFreePortIsReleasedAgainAndEphemeralPortsAreNotProbed() throws IOException {
        int port;
        try (ServerSocket probe = holdLoopbackPort()) {
            port = probe.getLocalPort();
        }
        assertThat(check.check(List.of(onLoopback(Integer.toString(port), 80),
                PortMapping.ephemeral(Protocol.UDP, 53)), List.of(), Set.of())).isEmpty();
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the check left nothing bound").isEqualTo(port);
        }
    }

    @Test
    void aHostIpThatIsNotTheHostsIsReported() {
        PortMapping elsewhere = PortMapping.tcp(8080, 80).withHostIp(IpAddress.parse("192.0.2.1"));
        assertThat(check.check(List.of(elsewhere), List.of(), Set.of())).singleElement()
                .extracting(PortConflict::problem).asString().contains("host_ip 192.0.2.1 is not an address of this host");
    }

    @Test
    void eachPortOfAPortToPortRangeIsCheckedOnItsOwn() throws IOException {
        try (ServerSocket holder = holdLoopbackPort()) {
            int port = holder.getLocalPort();
            PortMapping pairs = new PortMapping(Protocol.TCP, Optional.of(LOOPBACK),
                    Optional.of(new PortRange(port - 1, port)), new PortRange(80, 81));
            assertThat(check.check(List.of(pairs), List.of(), Set.of())).extracting(PortConflict::problem)
                    .anySatisfy(p -> assertThat(p).contains("127.0.0.1:" + port + "/tcp of mapping"));
        }
    }

    /** Sockets on two adjacent loopback ports (the next port may belong to someone else: then another pair). */
    private static ServerSocket[] adjacentPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            ServerSocket first = holdLoopbackPort();
            ServerSocket second = new ServerSocket();
            try {
                second.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), first.getLocalPort() + 1), 1);
                return new ServerSocket[] {first, second};
            } catch (IOException taken) {
                second.close();
                first.close();
            }
        }
        throw new IllegalStateException("no two adjacent free loopback ports");
    }
}
