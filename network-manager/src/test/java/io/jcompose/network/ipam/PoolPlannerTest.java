package io.jcompose.network.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.network.IpamConfig;
import io.jcompose.network.Network;
import io.jcompose.network.NetworkException;
import io.jcompose.network.NetworkName;
import io.jcompose.network.NetworkSpec;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.Subnet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolPlannerTest {

    private final PoolPlanner planner = new PoolPlanner(SubnetPool.defaults(),
            Map.of(Subnet.parse("172.17.0.0/16"), NetworkName.of("old")), List.of(Subnet.parse("172.18.0.0/24")));

    @Test
    void aPlainNetworkGetsTheFirstFreePoolSubnetWithTheFirstAddressAsGateway() {
        List<Network.Pool> pools = planner.plan(NetworkSpec.of("n"));
        assertThat(pools).hasSize(1);
        assertThat(pools.getFirst().subnet()).isEqualTo(Subnet.parse("172.19.0.0/16"));
        assertThat(pools.getFirst().gateway()).isEqualTo(IpAddress.parse("172.19.0.1"));
        assertThat(pools.getFirst().range()).isEqualTo(pools.getFirst().subnet());
    }

    @Test
    void enableIpv6AddsAnIpv6SubnetFromThePool() {
        assertThat(planner.plan(NetworkSpec.of("n").withIpv6(true))).extracting(p -> p.subnet().toString())
                .containsExactly("172.19.0.0/16", "fd6a:636f:6d70::/64");
    }

    @Test
    void ipamConfigIsTakenAsWritten() {
        IpamConfig v4 = IpamConfig.of(Subnet.parse("10.5.0.0/24")).withGateway(IpAddress.parse("10.5.0.254"))
                .withIpRange(Subnet.parse("10.5.0.128/25")).withAuxAddresses(Map.of("r", IpAddress.parse("10.5.0.9")));
        IpamConfig v6 = IpamConfig.of(Subnet.parse("fd00:5::/64"));
        List<Network.Pool> pools = planner.plan(NetworkSpec.of("n").withIpv6(true).withIpam(List.of(v4, v6)));
        assertThat(pools).containsExactly(
                new Network.Pool(Subnet.parse("10.5.0.0/24"), IpAddress.parse("10.5.0.254"), Subnet.parse("10.5.0.128/25"),
                        Map.of("r", IpAddress.parse("10.5.0.9"))),
                new Network.Pool(Subnet.parse("fd00:5::/64"), IpAddress.parse("fd00:5::1"), Subnet.parse("fd00:5::/64"), Map.of()));
    }

    @Test
    void anExplicitSubnetOverlappingAnotherNetworkIsAConflictNamingIt() {
        assertThatThrownBy(() -> planner.plan(NetworkSpec.of("n").withIpam(List.of(IpamConfig.of(Subnet.parse("172.17.3.0/24"))))))
                .isInstanceOf(NetworkException.class)
                .hasMessageContaining("overlaps subnet 172.17.0.0/16 of network old");
    }

    @Test
    void invalidConfigurationsAreRefusedAtConstruction() {
        assertThatThrownBy(() -> IpamConfig.of(Subnet.parse("10.0.0.0/24")).withGateway(IpAddress.parse("10.0.1.1")))
                .hasMessageContaining("gateway 10.0.1.1 is not inside subnet 10.0.0.0/24");
        assertThatThrownBy(() -> IpamConfig.of(Subnet.parse("10.0.0.0/24")).withIpRange(Subnet.parse("10.0.0.0/16")))
                .hasMessageContaining("ip_range");
        assertThatThrownBy(() -> NetworkSpec.of("n").withIpam(List.of(IpamConfig.of(Subnet.parse("fd00::/64")))))
                .hasMessageContaining("enable_ipv6");
        assertThatThrownBy(() -> planner.plan(NetworkSpec.of("n").withIpam(List.of(IpamConfig.of(Subnet.parse("10.0.0.0/31"))))))
                .hasMessageContaining("too small");
        assertThatThrownBy(() -> NetworkSpec.of("n").withDriverOptions(Map.of(NetworkSpec.MTU_OPTION, "9x")))
                .hasMessageContaining("not a valid MTU");
    }
}
