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
