package io.jcompose.dns.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubnetTest {
    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(textBlock = """
            10.1.2.0/24,     10.1.2.255,   true
            10.1.2.0/24,     10.1.3.0,     false
            10.1.2.77/24,    10.1.2.1,     true
            172.16.0.0/12,   172.31.255.1, true
            172.16.0.0/12,   172.32.0.1,   false
            10.0.0.0/31,     10.0.0.1,     true
            10.0.0.0/32,     10.0.0.1,     false
            0.0.0.0/0,       8.8.8.8,      true
            fd00:10:1::/64,  fd00:10:1::ff, true
            fd00:10:1::/64,  fd00:10:2::1, false
            fd00::/8,        fc00::1,      false
            fc00::/7,        fd12::1,      true
            10.1.2.0/24,     ::ffff:10.1.2.3, true
            10.1.2.0/24,     fd00::1,      false
            """)
    void containment(String subnet, String address, boolean expected) {
        assertThat(Subnet.parse(subnet).contains(InetAddress.ofLiteral(address))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(textBlock = """
            10.1.2.77/24,  10.1.2.0/24
            172.31.9.9/12, 172.16.0.0/12
            fd00:10:1::5/64, fd00:10:1:0:0:0:0:0/64
            """)
    void hostBitsAreCleared(String written, String canonical) {
        assertThat(Subnet.parse(written)).hasToString(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            10.1.2.0      | subnet '10.1.2.0' has no prefix length; write it like 172.18.0.0/16
            10.1.2.0/33   | prefix length 33 is outside 0..32 for 10.1.2.0
            10.1.2.0/x    | subnet '10.1.2.0/x' has a malformed prefix length
            """)
    void malformedSubnetsAreRejected(String written, String message) {
        assertThatThrownBy(() -> Subnet.parse(written)).hasMessage(message);
    }
}
