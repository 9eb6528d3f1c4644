package io.jcompose.network.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.network.ContainerId;
import io.jcompose.network.NetworkException;
import io.jcompose.network.PortMapping;
import io.jcompose.network.PortRange;
import io.jcompose.network.Protocol;
import io.jcompose.network.StateFixture;
import io.jcompose.network.address.IpAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PortPlannerTest {

    private static final ContainerId C = ContainerId.of("c");
    private static final IpAddress V4 = IpAddress.parse("172.17.0.3");
    private static final IpAddress V6 = IpAddress.parse("fd00:1::3");

    private static PortMapping mapping(String hostIp, String hostPorts, String containerPorts) {
        return new PortMapping(Protocol.TCP, hostIp.isEmpty() ? Optional.empty() : Optional.of(IpAddress.parse(hostIp)),
                hostPorts.isEmpty() ? Optional.empty() : Optional.of(PortRange.parse(hostPorts)), PortRange.parse(containerPorts));
    }

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("all addresses, both families", mapping("", "8080", "80"),
                        List.of("[] [8080] 80 [172.17.0.3, fd00:1::3]")),
                Arguments.of("0.0.0.0 means IPv4 only", mapping("0.0.0.0", "8080", "80"),
                        List.of("[] [8080] 80 [172.17.0.3]")),
                Arguments.of("loopback", mapping("127.0.0.1", "8080", "80"),
                        List.of("[127.0.0.1] [8080] 80 [172.17.0.3]")),
                Arguments.of("IPv6 loopback", mapping("::1", "8080", "80"),
                        List.of("[::1] [8080] 80 [fd00:1::3]")),
                Arguments.of("ephemeral", mapping("", "", "80"),
                        List.of("[] [] 80 [172.17.0.3, fd00:1::3]")),
                Arguments.of("range to range", mapping("127.0.0.1", "9000-9001", "80-81"),
                        List.of("[127.0.0.1] [9000] 80 [172.17.0.3]", "[127.0.0.1] [9001] 81 [172.17.0.3]")),
                Arguments.of("range to one port: any free one", mapping("127.0.0.1", "9000-9002", "80"),
                        List.of("[127.0.0.1] [9000, 9001, 9002] 80 [172.17.0.3]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void mappingsBecomeBindings(String name, PortMapping mapping, List<String> expected) {
        assertThat(PortPlanner.plan(C, List.of(V4, V6), List.of(mapping)))
                .extracting(b -> b.hostIp().map(List::of).orElse(List.of()) + " " + b.candidates() + " "
                        + b.containerPort() + " " + b.targets())
                .containsExactlyElementsOf(expected);
    }

    @org.junit.jupiter.api.Test
    void refusesWhatCannotWork() {
        assertThatThrownBy(() -> PortPlanner.plan(C, List.of(V4), List.of(mapping("::1", "8080", "80"))))
                .isInstanceOf(NetworkException.class).hasMessageContaining("has no IPv6 address").hasMessageContaining("enable_ipv6");
        assertThatThrownBy(() -> PortPlanner.plan(C, List.of(), List.of(mapping("", "8080", "80"))))
                .hasMessageContaining("no network with a route out");
        assertThatThrownBy(() -> PortPlanner.plan(C, List.of(V4), List.of(mapping("", "8080", "80"), mapping("127.0.0.1", "8080", "81"))))
                .hasMessageContaining("published twice");
        assertThatThrownBy(() -> mapping("", "9000-9002", "80-81")).hasMessageContaining("differ in length");
        assertThat(PortPlanner.plan(C, List.of(V4), List.of(mapping("", "8080", "80"),
                new PortMapping(Protocol.UDP, Optional.empty(), Optional.of(PortRange.of(8080)), PortRange.of(80)))))
                .as("tcp and udp may share a number").hasSize(2);
    }

    @org.junit.jupiter.api.Test
    void portsOfOtherContainersAreTakenOutAndAFullMissNamesTheirOwner() {
        var others = StateFixture.twoNetworksAndAWebServer().containers().values();
        assertThatThrownBy(() -> PortPlanner.excludeTaken(PortPlanner.plan(C, List.of(V4), List.of(mapping("", "8080", "80"))), others))
                .isInstanceOf(NetworkException.class)
                .satisfies(e -> assertThat(((NetworkException) e).kind()).isEqualTo(NetworkException.Kind.CONFLICT))
                .hasMessage("host port 0.0.0.0:8080/tcp of mapping 8080:80/tcp is already published by project shop, service web"
                        + " (container shop-web-1) — publish another host port, or stop the service that holds it");
        var ranged = PortPlanner.excludeTaken(PortPlanner.plan(C, List.of(V4), List.of(mapping("", "8079-8081", "80"))), others);
        assertThat(ranged.getFirst().candidates()).containsExactly(8079, 8081);
        var otherAddress = PortPlanner.excludeTaken(PortPlanner.plan(C, List.of(V4),
                List.of(mapping("127.0.0.2", "5353", "53").withProtocol(Protocol.UDP))), others);
        assertThat(otherAddress.getFirst().candidates()).as("127.0.0.2 does not overlap 127.0.0.1").containsExactly(5353);
    }
}
