package io.jcompose.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.network.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the agent finds at start after a crash, a lost state file, or a reboot. */
@Tag("root")
class LeftoverSweepIT {

    private static Sandbox sandbox;
    private NetworkManager manager;

    @BeforeAll
    static void sandbox() {
        assumeTrue(Sandbox.isRoot(), "root-tier test: needs uid 0");
        sandbox = Sandbox.create();
    }

    @AfterAll
    static void removeSandbox() {
        if (sandbox != null) {
            sandbox.close();
            sandbox.assertNothingLeft();
        }
    }

    @AfterEach
    void tearDown() {
        try {
            if (manager != null) {
                manager.removeAll();
                manager.close();
            }
        } finally {
            sandbox.assertManagerLeftNothing();
        }
    }

    private static Attachment attach(NetworkManager m, String id, PortMapping... ports) {
        AttachRequest request = AttachRequest.of(ContainerId.of(id), NetworkMode.bridge(EndpointSpec.of("net")));
        return m.attach(ports.length == 0 ? request : request.withPorts(new PortOwner("p", id), List.of(ports)));
    }

    @Test
    void aCrashedRunWhoseStateIsLostIsSweptAway() throws IOException {
        NetworkManager crashed = NetworkManager.open(sandbox.config());
        Network net = crashed.create(NetworkSpec.of("net"));
        Attachment a = attach(crashed, "a", PortMapping.tcp(8100, 80));
        Attachment b = attach(crashed, "b");
        crashed.close(); // the JVM "dies": kernel objects stay
        Files.delete(sandbox.config().stateDir().resolve(StateStore.FILE_NAME));
        assertThat(sandbox.managerLinks()).hasSize(3);

        manager = NetworkManager.open(sandbox.config());
        SweepReport report = manager.cleanupLeftovers();
        assertThat(report.removedLinks()).containsExactlyInAnyOrder(net.bridge(),
                a.endpoints().getFirst().hostInterface(), b.endpoints().getFirst().hostInterface());
        assertThat(report.removedNamespaces()).containsExactlyInAnyOrder(a.netns().orElseThrow(), b.netns().orElseThrow());
        assertThat(sandbox.managerLinks()).isEmpty();
        assertThat(sandbox.nftTables()).isEmpty();
        assertThat(sandbox.namespaceMounts()).isEmpty();
        assertThat(manager.cleanupLeftovers().isEmpty()).as("a second sweep finds nothing").isTrue();
    }

    @Test
    void afterARestartContainersKeepTheirNetworkAndPorts() {
        NetworkManager first = NetworkManager.open(sandbox.config());
        first.create(NetworkSpec.of("net"));
        Attachment a = attach(first, "a", PortMapping.tcp(8101, 80));
        Attachment b = attach(first, "b");
        sandbox.httpServer(a.netns().orElseThrow(), 80, "still here");
        first.close();

        manager = NetworkManager.open(sandbox.config());
        SweepReport report = manager.cleanupLeftovers();
        assertThat(report.isEmpty()).as("nothing to sweep, but: %s", report).isTrue();
        assertThat(Sandbox.httpGet(sandbox.hostNetns, "127.0.0.1:8101")).isEqualTo("still here");
        assertThat(Sandbox.ping(b.netns().orElseThrow(), a.endpoints().getFirst().ipv4().orElseThrow().address().toString())).isTrue();
        assertThat(Sandbox.tryIn(sandbox.hostNetns, 5, "busybox", "nc", "-l", "-p", "8101").exit())
                .as("the reservation came back with the manager").isNotZero();
        assertThatThrownBy(() -> attach(manager, "c", PortMapping.tcp(8101, 80))).hasMessageContaining("service a");
    }

    @Test
    void afterARebootBridgesAreMadeAgainAndDeadContainersForgotten() {
        NetworkManager before = NetworkManager.open(sandbox.config());
        Network net = before.create(NetworkSpec.of("net"));
        Attachment a = attach(before, "a");
        before.close();
        // what a reboot does: /run and every interface are gone, the state file in /var/lib stays
        Path ns = a.netns().orElseThrow();
        sandbox.inHost("ip", "link", "del", net.bridge());
        Sandbox.run("umount", ns.toString());

        manager = NetworkManager.open(sandbox.config());
        SweepReport report = manager.cleanupLeftovers();
        assertThat(report.restoredBridges()).containsExactly(NetworkName.of("net"));
        assertThat(report.forgottenContainers()).containsExactly(ContainerId.of("a"));
        assertThat(report.removedNamespaces()).as("the stale file").containsExactly(ns);
        assertThat(sandbox.managerLinks()).containsExactly(net.bridge());
        Attachment again = attach(manager, "a");
        assertThat(again.endpoints().getFirst().ipv4()).isPresent();
        assertThat(Sandbox.ping(again.netns().orElseThrow(), net.subnets().getFirst().gateway().toString())).isTrue();
    }
}
