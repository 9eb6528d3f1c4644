package io.jcompose.agent.api.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.ContainerSpecBody.NetworkAttachmentBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.PortBody;
import io.jcompose.agent.bundle.NetworkMode;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.network.NetworkSpec;
import io.jcompose.network.PortMapping;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkBodiesTest {
    static ContainerSpecBody body(String mode, List<NetworkAttachmentBody> networks, List<PortBody> ports) {
        ContainerSpecBody b = ContainerSpecBody.ofRootfs("/srv/rootfs", List.of("true"));
        return new ContainerSpecBody(b.command(), null, null, null, null, null, null, b.rootfs(), null, null, null,
                mode, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, networks, ports, null, null, null);
    }

    static final List<NetworkAttachmentBody> NETWORKS = List.of(
            new NetworkAttachmentBody("shop_front", List.of("web"), "10.9.1.20", null, "02:42:0a:09:01:14", 5, 10),
            new NetworkAttachmentBody("shop_back", List.of(), null, "fd00::20", null, 0, 0));
    static final List<PortBody> PORTS = List.of(new PortBody(80, "8080", "127.0.0.1", "tcp"),
            new PortBody(53, null, null, "udp"), new PortBody(9000, "9000-9010", "::1", "tcp"));

    @Test
    void bridgeModeRoundTripsNetworksAndPorts() {
        var domain = SpecBodies.toDomain(body("bridge", NETWORKS, PORTS));
        NetworkMode.Bridge bridge = (NetworkMode.Bridge) domain.network().mode();
        assertThat(bridge.endpoints()).extracting(e -> e.network().value()).containsExactly("shop_front", "shop_back");
        assertThat(bridge.ports()).extracting(PortMapping::toString)
                .containsExactly("127.0.0.1:8080:80/tcp", ":53/udp", "[::1]:9000-9010:9000/tcp");
        ContainerSpecBody back = SpecBodies.fromDomain(domain);
        assertThat(back.networkMode()).isEqualTo("bridge");
        assertThat(back.networks()).isEqualTo(NETWORKS);
        assertThat(back.ports()).isEqualTo(List.of(PORTS.get(0), PORTS.get(1), new PortBody(9000, "9000-9010", "::1", "tcp")));
    }

    @Test
    void containerModeKeepsTheReference() {
        var domain = SpecBodies.toDomain(body("container:shop-db-1", null, null));
        assertThat(domain.network().mode()).isEqualTo(new NetworkMode.Container("shop-db-1"));
        assertThat(SpecBodies.fromDomain(domain).networkMode()).isEqualTo("container:shop-db-1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bridge|        |     |needs at least one entry in spec.networks",
        "none  |        |80   |spec.ports needs networkMode bridge",
        "container:x|   |80   |spec.ports needs networkMode bridge",
        "bridge|bad net!|     |is not a valid network name",
        "bridge|net     |99999|is not valid"})
    void invalidNetworkingIsRefusedAtCreate(String mode, String network, Integer port, String message) {
        List<NetworkAttachmentBody> networks = network == null ? null
                : List.of(new NetworkAttachmentBody(network, null, null, null, null, null, null));
        List<PortBody> ports = port == null ? null : List.of(new PortBody(port, null, null, null));
        assertThatThrownBy(() -> SpecBodies.toDomain(body(mode, networks, ports)))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
                .hasMessageContaining(message);
    }

    @Test
    void createRequestBecomesTheManagersSpec() {
        NetworkSpec spec = NetworkBodies.spec(new NetworkCreateRequest("shop_default", Map.of("a", "b"), "bridge", true,
                true, Map.of(NetworkSpec.MTU_OPTION, "1400"), List.of(
                        new NetworkCreateRequest.IpamBody("10.30.0.0/24", "10.30.0.128/25", "10.30.0.254",
                                Map.of("router", "10.30.0.2")),
                        new NetworkCreateRequest.IpamBody("fd00:30::/64", null, null, null))));
        assertThat(spec.internal()).isTrue();
        assertThat(spec.mtu()).isEqualTo(1400);
        assertThat(spec.ipam()).hasSize(2);
        assertThat(spec.ipam().getFirst().gateway().orElseThrow()).hasToString("10.30.0.254");
        assertThatThrownBy(() -> NetworkBodies.spec(new NetworkCreateRequest("n", null, "overlay", null, null, null, null)))
                .hasMessageContaining("driver \"overlay\" is not supported");
    }
}
