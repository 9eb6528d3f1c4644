package io.jcompose.network.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.network.NetworkException;
import io.jcompose.network.address.IpFamily;
import io.jcompose.network.address.Subnet;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SubnetAllocatorTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("first of the first pool", "", "172.17.0.0/16"),
                Arguments.of("skips a taken subnet", "172.17.0.0/16", "172.18.0.0/16"),
                Arguments.of("skips a host route inside a candidate", "172.17.5.0/24", "172.18.0.0/16"),
                Arguments.of("jumps past a large route", "172.16.0.0/12", "192.168.0.0/20"),
                Arguments.of("a route overlapping the next pool", "172.16.0.0/12 192.168.0.0/17", "192.168.128.0/20"),
                Arguments.of("gaps are reused", "172.17.0.0/16 172.19.0.0/16", "172.18.0.0/16"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void picksTheFirstFreeSubnetInPoolOrder(String name, String taken, String expected) {
        List<Subnet> takenSubnets = taken.isBlank() ? List.of()
                : Arrays.stream(taken.split(" ")).map(Subnet::parse).toList();
        assertThat(SubnetAllocator.allocate(SubnetPool.defaults(), IpFamily.V4, takenSubnets))
                .contains(Subnet.parse(expected));
    }

    @org.junit.jupiter.api.Test
    void ipv6PoolsAndExhaustion() {
        assertThat(SubnetAllocator.allocate(SubnetPool.defaults(), IpFamily.V6, List.of(Subnet.parse("fd6a:636f:6d70::/64"))))
                .contains(Subnet.parse("fd6a:636f:6d70:1::/64"));
        List<SubnetPool> tiny = List.of(SubnetPool.of("10.0.0.0/23", 24));
        assertThat(SubnetAllocator.allocate(tiny, IpFamily.V4, List.of(Subnet.parse("10.0.0.0/24"))))
                .contains(Subnet.parse("10.0.1.0/24"));
        assertThatThrownBy(() -> SubnetAllocator.allocateOrFail(tiny, IpFamily.V4, List.of(Subnet.parse("10.0.0.0/23"))))
                .isInstanceOf(NetworkException.class).hasMessageContaining("default address pools");
        assertThatThrownBy(() -> SubnetPool.of("10.0.0.0/16", 8)).isInstanceOf(NetworkException.class);
    }
}
