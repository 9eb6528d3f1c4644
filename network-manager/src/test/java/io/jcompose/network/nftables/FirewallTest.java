package io.jcompose.network.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.network.NetworkException;
import io.jcompose.network.NetworkManagerConfig;
import io.jcompose.network.StateFixture;
import io.jcompose.network.host.Command;
import io.jcompose.network.host.CommandRunner;
import io.jcompose.network.state.ManagerState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirewallTest {

    /** Records what nft is given; fails the commands whose input contains {@code failOn}. */
    private static final class FakeNft implements CommandRunner {
        final List<String> inputs = new ArrayList<>();
        String failOn = null;

        @Override
        public String run(Command command) {
            assertThat(command.argv().getFirst()).isEqualTo("nft");
            if (command.stdin() == null) {
                return "{\"nftables\":[{\"table\":{\"family\":\"inet\",\"name\":\"jcompose\"}}]}";
            }
            inputs.add(command.stdin());
            if (failOn != null && command.stdin().contains(failOn)) {
                throw NetworkException.failed(command.action(), "Error: No such file or directory");
            }
            return "";
        }
    }

    private final FakeNft nft = new FakeNft();
    private final Firewall firewall = new Firewall(new Nft(nft), "jcompose", NetworkManagerConfig.DEFAULT_FORWARD_MARK);
    private final ManagerState state = StateFixture.twoNetworksAndAWebServer();

    @Test
    void portsChangeOnlyMapElements() {
        var ports = state.containers().values().iterator().next().ports();
        firewall.publish(ports, state);
        firewall.withdraw(ports, state);
        assertThat(nft.inputs).hasSize(2);
        assertThat(nft.inputs.get(0)).contains("\"add\":{\"element\"").doesNotContain("\"rule\"");
        assertThat(nft.inputs.get(1)).contains("\"delete\":{\"element\"").doesNotContain("\"rule\"");
        firewall.publish(List.of(), state);
        assertThat(nft.inputs).as("nothing to do, nothing run").hasSize(2);
    }

    @Test
    void aFailedIncrementalUpdateFallsBackToTheWholeTable() {
        nft.failOn = "\"delete\":{\"element\"";
        firewall.withdraw(state.containers().values().iterator().next().ports(), state);
        assertThat(nft.inputs).hasSize(2);
        assertThat(nft.inputs.get(1)).contains("\"flush\":{\"table\"").contains("\"chain\":\"forward\"");
    }

    @Test
    void removingDeletesOurTable() {
        firewall.remove();
        assertThat(nft.inputs).singleElement().asString().contains("\"delete\":{\"table\"");
    }
}
