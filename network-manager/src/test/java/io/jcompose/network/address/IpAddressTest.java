package io.jcompose.network.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.network.NetworkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10.0.0.1, 10.0.0.1",
            "255.255.255.255, 255.255.255.255",
            "0.0.0.0, 0.0.0.0",
            "fd00::1, fd00::1",
            "FD00:0:0:0:0:0:0:1, fd00::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "::, ::",
            "::1, ::1",
            "[::1], ::1",
            "1::, 1::",
            "fd6a:7465:7374::2, fd6a:7465:7374::2",
    })
    void parsesAndPrintsCanonically(String text, String canonical) {
        assertThat(IpAddress.parse(text).toString()).isEqualTo(canonical);
        assertThat(IpAddress.parse(canonical)).isEqualTo(IpAddress.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0", "10.0.0.256", "10.0.0.01", "a.b.c.d", "10.0.0.1.2", "", "fe80::1%eth0",
            "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8:9", "gggg::1", "-1.0.0.0"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(NetworkException.class)
                .satisfies(e -> assertThat(((NetworkException) e).kind()).isEqualTo(NetworkException.Kind.INVALID_ARGUMENT));
    }

    @Test
    void arithmeticAndPredicates() {
        assertThat(IpAddress.parse("10.0.0.255").plus(1)).isEqualTo(IpAddress.parse("10.0.1.0"));
        assertThat(IpAddress.parse("fd00::ffff").plus(1)).isEqualTo(IpAddress.parse("fd00::1:0"));
        assertThat(IpAddress.parse("127.3.4.5").isLoopback()).isTrue();
        assertThat(IpAddress.parse("::1").isLoopback()).isTrue();
        assertThat(IpAddress.parse("::").isUnspecified()).isTrue();
        assertThat(IpAddress.parse("10.0.0.1").compareTo(IpAddress.parse("10.0.0.2"))).isNegative();
        assertThat(IpAddress.parse("10.0.0.1").compareTo(IpAddress.parse("::1"))).as("IPv4 sorts first").isNegative();
        assertThat(IpAddress.parse("10.1.2.3").bytes()).containsExactly(10, 1, 2, 3);
        assertThatThrownBy(() -> IpAddress.parse("255.255.255.255").plus(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
