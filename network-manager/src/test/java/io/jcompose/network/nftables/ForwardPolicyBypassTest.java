package io.jcompose.network.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ForwardPolicyBypassTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What {@code nft -j list ruleset} shows on a host where Docker (iptables-nft) set FORWARD to DROP. */
    private static final String LISTING = """
            [{"metainfo":{"version":"1.0.6"}},
             {"table":{"family":"ip","name":"filter","handle":1}},
             {"chain":{"family":"ip","table":"filter","name":"FORWARD","handle":1,"type":"filter","hook":"forward","prio":0,"policy":"drop"}},
             {"chain":{"family":"ip","table":"filter","name":"INPUT","handle":2,"type":"filter","hook":"input","prio":0,"policy":"drop"}},
             {"chain":{"family":"ip6","table":"filter","name":"FORWARD","handle":1,"type":"filter","hook":"forward","prio":0,"policy":"accept"}},
             {"table":{"family":"inet","name":"jcompose","handle":2}},
             {"chain":{"family":"inet","table":"jcompose","name":"forward","handle":1,"type":"filter","hook":"forward","prio":-10,"policy":"drop"}},
             {"rule":{"family":"ip6","table":"filter","chain":"FORWARD","handle":9,"comment":"jcompose-forward-jcompose","expr":[]}}]
            """;

    private static JsonNode listing() {
        return JSON.readTree(LISTING);
    }

    @Test
    void findsForeignDropChainsAndOurStaleRules() {
        ForwardPolicyBypass.Scan scan = ForwardPolicyBypass.scan(listing(), "jcompose");
        assertThat(scan.dropChains()).containsExactly(new ForwardPolicyBypass.ForeignChain("ip", "filter", "FORWARD"));
        assertThat(scan.ours()).containsExactly(new ForwardPolicyBypass.BypassRule(
                new ForwardPolicyBypass.ForeignChain("ip6", "filter", "FORWARD"), 9));
    }

    @Test
    void insertsOneMarkRuleIntoEachDropChainAndDeletesStaleOnes() {
        var commands = ForwardPolicyBypass.commands(ForwardPolicyBypass.scan(listing(), "jcompose"), "jcompose", 0x0400_0000L, true);
        assertThat(JSON.writeValueAsString(commands)).isEqualTo(
                "[{\"delete\":{\"rule\":{\"family\":\"ip6\",\"table\":\"filter\",\"chain\":\"FORWARD\",\"handle\":9}}},"
                        + "{\"insert\":{\"rule\":{\"family\":\"ip\",\"table\":\"filter\",\"chain\":\"FORWARD\",\"expr\":["
                        + "{\"match\":{\"op\":\"==\",\"left\":{\"&\":[{\"meta\":{\"key\":\"mark\"}},67108864]},\"right\":67108864}},"
                        + "{\"accept\":null}],\"comment\":\"jcompose-forward-jcompose\"}}}]");
    }

    @Test
    void anExistingRuleIsKeptAndNothingIsInsertedTwice() {
        String covered = LISTING.replace("\"ip6\",\"table\":\"filter\",\"chain\":\"FORWARD\",\"handle\":9",
                "\"ip\",\"table\":\"filter\",\"chain\":\"FORWARD\",\"handle\":9");
        var scan = ForwardPolicyBypass.scan(JSON.readTree(covered), "jcompose");
        assertThat(ForwardPolicyBypass.commands(scan, "jcompose", 0x0400_0000L, true)).isEmpty();
        assertThat(ForwardPolicyBypass.commands(scan, "jcompose", 0x0400_0000L, false)).hasSize(1);
        assertThat(Firewall.tables(listing())).containsExactly("jcompose");
        assertThat(List.of(ForwardPolicyBypass.comment("jt1a2b3c"))).containsExactly("jcompose-forward-jt1a2b3c");
    }
}
