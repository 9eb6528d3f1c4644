package io.jcompose.agent.network;

import static io.jcompose.agent.network.NetworkWiring.bridged;
import static io.jcompose.agent.network.NetworkWiring.exec;
import static io.jcompose.agent.network.NetworkWiring.network;
import static io.jcompose.agent.network.NetworkWiring.on;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.api.v1.ExecResult;
import io.jcompose.agent.api.v1.NetworkView;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.daemon.AgentConfig;
import io.jcompose.agent.daemon.Daemon;
import io.jcompose.agent.testing.AgentFixture;
import io.jcompose.agent.testing.BusyboxRootfs;
import io.jcompose.agent.testing.TestHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The agent stops while containers on a network run: their namespaces, addresses and routes stay,
 * and the next agent adopts them and answers their names again.
 */
class AgentRestartNetworkIT {

    @Test
    void aRestartedAgentKeepsRunningContainersNetworkedAndAnswersTheirNames() throws Exception {
        try (TestHost host = TestHost.create()) {
            Path rootfs = BusyboxRootfs.create(host.root().resolve("rootfs"));
            AgentConfig config = AgentFixture.config(host);
            AgentClient client = new AgentClient(config.socket());
            Daemon daemon = Daemon.start(config);
            try {
                NetworkView front = network(client, host, "front");
                ContainerView a = start(client, host, "a", rootfs, front);
                ContainerView b = start(client, host, "b", rootfs, front, "api");
                String bAddress = b.networks().get(front.name()).ipv4Address();
                assertThat(exec(client, a.id(), "nslookup", "api").stdout()).contains(bAddress);
                // a run prepared but not started when the agent stops: the next agent discards the preparation
                ContainerView late = client.create(new CreateContainerRequest(host.prefix() + "-late",
                        Map.of("jt", host.prefix()), bridged(ContainerSpecBody.ofRootfs(rootfs.toString(),
                                List.of("sleep", "300")), List.of(on(front.name(), "late")), List.of())));
                client.prepare(late.id());

                daemon.close();
                daemon = Daemon.start(config);

                assertThat(client.inspect(late.id()).state()).isEqualTo("created");
                assertThat(host.runtimeDir().resolve("runc").resolve(late.id())).as("its runtime state").doesNotExist();
                assertThat(exec(client, a.id(), "nslookup", "late").stdout() + exec(client, a.id(), "nslookup", "late")
                        .stderr()).as("its name left the DNS").contains("NXDOMAIN");
                ContainerView lateRun = client.start(late.id());
                assertThat(lateRun.state()).isEqualTo("running");
                assertThat(exec(client, a.id(), "nslookup", "late").stdout())
                        .contains(lateRun.networks().get(front.name()).ipv4Address());

                ContainerView again = client.inspect(a.id());
                assertThat(again.state()).isEqualTo("running");
                assertThat(again.networks()).isEqualTo(a.networks());
                ExecResult byAlias = exec(client, a.id(), "nslookup", "api");
                assertThat(byAlias.exitCode()).as(byAlias.stdout() + byAlias.stderr()).isZero();
                assertThat(byAlias.stdout()).contains(bAddress);
                assertThat(exec(client, a.id(), "nslookup", b.name()).stdout()).contains(bAddress);
                ExecResult ping = exec(client, a.id(), "ping", "-c1", "-W5", b.name());
                assertThat(ping.exitCode()).as(ping.stdout() + ping.stderr()).isZero();
            } finally {
                try {
                    for (ContainerView c : client.list(List.of("jt=" + host.prefix()))) {
                        client.remove(c.id(), true);
                    }
                    NetworkWiring.removeNetworks(client, host);
                } finally {
                    daemon.close();
                }
            }
        }
    }

    private static ContainerView start(AgentClient client, TestHost host, String name, Path rootfs, NetworkView network,
                                       String... aliases) {
        ContainerSpecBody spec = bridged(ContainerSpecBody.ofRootfs(rootfs.toString(), List.of("sleep", "300")),
                List.of(on(network.name(), aliases)), List.of());
        ContainerView c = client.create(new CreateContainerRequest(host.prefix() + "-" + name, Map.of("jt", host.prefix()),
                spec));
        return client.start(c.id());
    }
}
