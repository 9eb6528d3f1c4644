package io.jcompose.network.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.network.address.IpFamily;
import io.jcompose.network.address.Subnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class IpBatchTest {

    @Test
    void joinsWordsIntoLines() {
        IpBatch batch = new IpBatch().line("link", "set", "lo", "up").line("addr", "add", "10.0.0.2/24", "dev", "eth0");
        assertThat(batch.text()).isEqualTo("link set lo up\naddr add 10.0.0.2/24 dev eth0\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "", "quote\"", "new\nline", "#comment", "back\\slash"})
    void refusesWordsThatWouldBeReparsed(String word) {
        assertThatThrownBy(() -> new IpBatch().line("link", "del", word)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routesIgnoreDefaultLocalAndLinkLocalEntries() {
        var json = JsonMapper.builder().build().readTree("""
                [{"dst":"default","gateway":"192.0.2.1","dev":"eth0"},
                 {"dst":"192.0.2.0/24","dev":"eth0","protocol":"kernel"},
                 {"type":"local","dst":"192.0.2.2","dev":"eth0","table":"local"},
                 {"type":"broadcast","dst":"192.0.2.255","dev":"eth0","table":"local"},
                 {"dst":"10.8.0.7","dev":"tun0"},
                 {"dst":"fe80::/64","dev":"eth0"}]""");
        assertThat(Routes.parse(IpFamily.V4, json)).containsExactly(Subnet.parse("192.0.2.0/24"), Subnet.parse("10.8.0.7/32"));
        assertThat(Routes.parse(IpFamily.V6, json)).isEmpty();
    }

    @Test
    void linksAreReadFromDetailedJson() {
        var json = JsonMapper.builder().build().readTree("""
                [{"ifname":"jcb0123456789ab","flags":["BROADCAST","UP"],"mtu":1400,"linkinfo":{"info_kind":"bridge"}},
                 {"ifname":"jcv0123456789ab","flags":["BROADCAST"],"mtu":1500,"master":"jcb0123456789ab",
                  "linkinfo":{"info_kind":"veth","info_slave_kind":"bridge"}}]""");
        assertThat(Links.parse(json)).containsExactly(
                new LinkInfo("jcb0123456789ab", "bridge", java.util.Optional.empty(), 1400, true),
                new LinkInfo("jcv0123456789ab", "veth", java.util.Optional.of("jcb0123456789ab"), 1500, false));
    }
}
