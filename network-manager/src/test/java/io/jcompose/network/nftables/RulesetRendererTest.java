package io.jcompose.network.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.network.Golden;
import io.jcompose.network.NetworkManagerConfig;
import io.jcompose.network.StateFixture;
import io.jcompose.network.state.ManagerState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

class RulesetRendererTest {

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static String render(ManagerState state) {
        ArrayNode commands = RulesetRenderer.render(FirewallModel.of("jcompose", NetworkManagerConfig.DEFAULT_FORWARD_MARK, state));
        return PRETTY.writeValueAsString(PRETTY.readTree(Nft.document(commands))) + "\n";
    }

    @Test
    void rulesetOfTwoNetworksAndPublishedPortsMatchesTheGoldenFile() {
        Golden.assertMatches("ruleset-shop.json", render(StateFixture.twoNetworksAndAWebServer()));
    }

    @Test
    void anEmptyStateStillReplacesTheTableWithEmptyChains() {
        Golden.assertMatches("ruleset-empty.json", render(ManagerState.empty()));
    }

    @Test
    void publishingAndWithdrawingPortsOnlyTouchesMapElements() {
        var ports = StateFixture.twoNetworksAndAWebServer().containers().values().iterator().next().ports();
        String added = PRETTY.writeValueAsString(RulesetRenderer.ports("add", "jcompose", ports));
        assertThat(added).doesNotContain("\"rule\"").contains("\"ports4any_addr\"", "\"ports4any_port\"",
                "\"ports6any_addr\"", "\"ports4_addr\"");
        Golden.assertMatches("ports-add.json", added + "\n");
        String deleted = PRETTY.writeValueAsString(RulesetRenderer.ports("delete", "jcompose", ports));
        assertThat(deleted).as("deleting needs keys only").doesNotContain("172.17.0.2").contains("\"delete\"");
        var loopback6 = new io.jcompose.network.PublishedPort(io.jcompose.network.Protocol.TCP,
                io.jcompose.network.address.IpAddress.parse("::1"), 8444,
                io.jcompose.network.address.IpAddress.parse("fd00:1::2"), 80);
        assertThat(RulesetRenderer.ports("add", "jcompose", java.util.List.of(loopback6))).as("relayed, not DNAT").isEmpty();
    }

    @Test
    void theRenderingIsIndependentOfInsertionOrder() {
        ManagerState state = StateFixture.twoNetworksAndAWebServer();
        ManagerState reversed = ManagerState.empty();
        for (var n : state.networks().values().stream().toList().reversed()) {
            reversed = reversed.withNetwork(n);
        }
        for (var c : state.containers().values()) {
            reversed = reversed.withContainer(c.withPorts(c.owner(), c.ports().reversed()));
        }
        assertThat(render(reversed)).isEqualTo(render(state));
    }
}
