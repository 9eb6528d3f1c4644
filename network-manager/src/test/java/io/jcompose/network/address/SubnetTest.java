package io.jcompose.network.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.network.NetworkException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubnetTest {

    @Test
    void refusesHostBitsAndSuggestsTheNetworkAddress() {
        assertThatThrownBy(() -> Subnet.parse("172.20.5.1/16")).isInstanceOf(NetworkException.class)
                .hasMessage("subnet 172.20.5.1/16 has host bits set — write 172.20.0.0/16");
        assertThatThrownBy(() -> Subnet.parse("fd00::1/64")).hasMessageEndingWith("write fd00::/64");
        assertThatThrownBy(() -> Subnet.parse("10.0.0.0")).hasMessageContaining("CIDR");
        assertThatThrownBy(() -> Subnet.parse("10.0.0.0/33")).hasMessageContaining("/33");
        assertThatThrownBy(() -> Subnet.parse("10.0.0.0/x")).hasMessageContaining("prefix length");
    }

    @ParameterizedTest(name = "{0} vs {1}: contains={2} overlaps={3}")
    @CsvSource({
            "10.0.0.0/8, 10.1.0.0/16, true, true",
            "10.1.0.0/16, 10.0.0.0/8, false, true",
            "10.1.0.0/16, 10.2.0.0/16, false, false",
            "10.0.0.0/24, 10.0.0.0/24, true, true",
            "fd00::/48, fd00:0:0:5::/64, true, true",
            "fd00::/64, 10.0.0.0/8, false, false",
    })
    void containmentAndOverlap(String a, String b, boolean contains, boolean overlaps) {
        assertThat(Subnet.parse(a).contains(Subnet.parse(b))).isEqualTo(contains);
        assertThat(Subnet.parse(a).overlaps(Subnet.parse(b))).isEqualTo(overlaps);
    }

    @Test
    void sizeLastNextAndAddresses() {
        Subnet s = Subnet.parse("192.168.16.0/20");
        assertThat(s.size()).isEqualTo(BigInteger.valueOf(4096));
        assertThat(s.last()).isEqualTo(IpAddress.parse("192.168.31.255"));
        assertThat(s.next()).isEqualTo(Subnet.parse("192.168.32.0/20"));
        assertThat(s.address(BigInteger.ONE)).isEqualTo(IpAddress.parse("192.168.16.1"));
        assertThat(s.contains(IpAddress.parse("192.168.31.9"))).isTrue();
        assertThat(s.contains(IpAddress.parse("192.168.32.0"))).isFalse();
        assertThat(Subnet.parse("255.255.255.0/24").next()).isNull();
        assertThat(Subnet.containing(IpAddress.parse("10.9.8.7"), 16)).isEqualTo(Subnet.parse("10.9.0.0/16"));
        assertThat(InterfaceAddress.parse("10.9.8.7/16").subnet()).isEqualTo(Subnet.parse("10.9.0.0/16"));
    }
}
