package io.jcompose.network.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.network.Network;
import io.jcompose.network.NetworkException;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.Subnet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressSpaceTest {

    private static AddressSpace space(String subnet, String gateway, String range, Map<String, IpAddress> aux) {
        return AddressSpace.of(new Network.Pool(Subnet.parse(subnet), IpAddress.parse(gateway), Subnet.parse(range), aux));
    }

    private static IpAddress next(AddressSpace[] holder, String owner) {
        AddressSpace.Allocation a = holder[0].allocate(owner, Optional.empty());
        holder[0] = a.space();
        return a.address();
    }

    @Test
    void handsOutAddressesInOrderSkippingNetworkGatewayAndAux() {
        AddressSpace[] s = {space("10.0.0.0/24", "10.0.0.1", "10.0.0.0/24", Map.of("r", IpAddress.parse("10.0.0.3")))};
        assertThat(next(s, "a")).isEqualTo(IpAddress.parse("10.0.0.2"));
        assertThat(next(s, "b")).isEqualTo(IpAddress.parse("10.0.0.4"));
        assertThat(s[0].leases()).containsEntry(IpAddress.parse("10.0.0.4"), "b");
    }

    @Test
    void aReleasedAddressIsNotReusedAtOnceAndTheWalkWrapsAround() {
        AddressSpace[] s = {space("10.0.0.0/29", "10.0.0.1", "10.0.0.0/29", Map.of())};
        assertThat(next(s, "a")).isEqualTo(IpAddress.parse("10.0.0.2"));
        assertThat(next(s, "b")).isEqualTo(IpAddress.parse("10.0.0.3"));
        s[0] = s[0].release("a");
        assertThat(next(s, "c")).isEqualTo(IpAddress.parse("10.0.0.4"));
        assertThat(next(s, "d")).isEqualTo(IpAddress.parse("10.0.0.5"));
        assertThat(next(s, "e")).isEqualTo(IpAddress.parse("10.0.0.6"));
        assertThat(next(s, "f")).as("wraps, skipping .7 (broadcast), .0, .1").isEqualTo(IpAddress.parse("10.0.0.2"));
        assertThatThrownBy(() -> next(s, "g")).isInstanceOf(NetworkException.class)
                .hasMessageContaining("no free address left in 10.0.0.0/29");
    }

    @Test
    void staticAddressesAreCheckedAndDoNotMoveTheCursor() {
        AddressSpace s = space("10.0.0.0/24", "10.0.0.1", "10.0.0.128/25", Map.of("r", IpAddress.parse("10.0.0.9")));
        AddressSpace.Allocation fixed = s.allocate("x", Optional.of(IpAddress.parse("10.0.0.5")));
        assertThat(fixed.address()).as("outside ip_range but inside the subnet is allowed").isEqualTo(IpAddress.parse("10.0.0.5"));
        assertThat(fixed.space().allocate("y", Optional.empty()).address()).isEqualTo(IpAddress.parse("10.0.0.128"));
        assertThatThrownBy(() -> fixed.space().allocate("z", Optional.of(IpAddress.parse("10.0.0.5"))))
                .hasMessageContaining("already in use by container x");
        assertThatThrownBy(() -> s.allocate("z", Optional.of(IpAddress.parse("10.0.0.1")))).hasMessageContaining("reserved");
        assertThatThrownBy(() -> s.allocate("z", Optional.of(IpAddress.parse("10.0.0.9")))).hasMessageContaining("reserved");
        assertThatThrownBy(() -> s.allocate("z", Optional.of(IpAddress.parse("10.0.1.9")))).hasMessageContaining("not in the network's subnet");
    }

    @Test
    void ipv6SpacesUseTheWholeRangeAndStayCheap() {
        AddressSpace[] s = {space("fd00::/64", "fd00::1", "fd00::/64", Map.of())};
        assertThat(next(s, "a")).isEqualTo(IpAddress.parse("fd00::2"));
        assertThat(next(s, "b")).isEqualTo(IpAddress.parse("fd00::3"));
    }
}
