package io.jcompose.dns.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReverseNameTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            4.3.2.1.in-addr.arpa                     | 1.2.3.4
            255.0.10.10.in-addr.arpa                 | 10.10.0.255
            0.0.0.0.in-addr.arpa                     | 0.0.0.0
            256.0.10.10.in-addr.arpa                 | none
            04.3.2.1.in-addr.arpa                    | none
            3.2.1.in-addr.arpa                       | none
            5.4.3.2.1.in-addr.arpa                   | none
            a.3.2.1.in-addr.arpa                     | none
            .3.2.1.in-addr.arpa                      | none
            lb._dns-sd._udp.0.10.10.in-addr.arpa     | none
            in-addr.arpa                             | none
            example.com                              | none
            1.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.0.1.0.0.0.0.d.f.ip6.arpa | fd00:10:1:0:0:0:0:11
            f.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.0.1.0.0.0.0.d.f.ip6.arpa | fd00:10:1:0:0:0:0:1f
            0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.0.1.0.0.0.0.d.f.ip6.arpa     | none
            11.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.0.1.0.0.0.0.d.f.ip6.arpa  | none
            g.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.0.1.0.0.0.0.d.f.ip6.arpa | none
            """)
    void readsAddressesOutOfReverseNames(String key, String expected) {
        InetAddress address = ReverseName.address(key);
        if (expected == null) {
            assertThat(address).isNull();
        } else {
            assertThat(address).isEqualTo(InetAddress.ofLiteral(expected));
        }
    }
}
