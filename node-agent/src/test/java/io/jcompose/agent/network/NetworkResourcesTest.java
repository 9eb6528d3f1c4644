package io.jcompose.agent.network;

import static io.jcompose.agent.network.NetworkFixtures.network;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.network.IpamConfig;
import io.jcompose.network.Network;
import io.jcompose.network.NetworkSpec;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.Subnet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkResourcesTest {
    static final Network EXISTING = network("shop_default", 1, false);
    static final NetworkSpec SAME = NetworkSpec.of("shop_default");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("same settings", SAME, List.of()),
                Arguments.of("its own subnet asked for", SAME.withIpam(List.of(IpamConfig.of(Subnet.parse("10.9.1.0/24")))),
                        List.of()),
                Arguments.of("its subnet and gateway", SAME.withIpam(List.of(IpamConfig.of(Subnet.parse("10.9.1.0/24"))
                        .withGateway(IpAddress.parse("10.9.1.1")))), List.of()),
                Arguments.of("other labels", SAME.withLabels(Map.of("a", "b")), List.of("labels {}")),
                Arguments.of("internal", SAME.withInternal(true), List.of("internal: false")),
                Arguments.of("ipv6", SAME.withIpv6(true), List.of("enableIpv6: false")),
                Arguments.of("mtu", SAME.withDriverOptions(Map.of(NetworkSpec.MTU_OPTION, "1400")), List.of("mtu default")),
                Arguments.of("another subnet", SAME.withIpam(List.of(IpamConfig.of(Subnet.parse("10.8.0.0/24")))),
                        List.of("subnets [10.9.1.0/24 gateway 10.9.1.1]")),
                Arguments.of("another gateway", SAME.withIpam(List.of(IpamConfig.of(Subnet.parse("10.9.1.0/24"))
                        .withGateway(IpAddress.parse("10.9.1.254")))), List.of("subnets [10.9.1.0/24 gateway 10.9.1.1]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anExistingNetworkIsReusedOnlyWithTheSameSettings(String why, NetworkSpec asked, List<String> differences) {
        assertThat(NetworkResources.differences(EXISTING, asked)).isEqualTo(differences);
    }
}
