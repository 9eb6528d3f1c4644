package io.jcompose.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Masquerade, isolation, internal networks and the foreign drop policy, on a real kernel inside a
 * sandbox host. "Outside" is a namespace of the sandbox at 198.18.0.2: it has no route to the
 * container subnets, so a reply only comes back when the container's traffic was masqueraded.
 */
@Tag("root")
class FirewallIT extends SandboxedNetworkIT {
    @Override
    protected void removeExtras() {
        Sandbox.tryRun(java.util.List.of("nsenter", "--net=" + sandbox.hostNetns, "nft", "delete", "table", "ip",
                sandbox.prefix + "foreign"), 10);
    }

    private Path attach(String container, String network) {
        return manager.attach(AttachRequest.of(ContainerId.of(container), NetworkMode.bridge(EndpointSpec.of(network))))
                .netns().orElseThrow();
    }

    @Test
    void containersReachOutsideThroughMasquerade() {
        manager.create(NetworkSpec.of("out"));
        Path a = attach("a", "out");
        assertThat(sandbox.inHost("sysctl", "-n", "net.ipv4.ip_forward").strip()).isEqualTo("1");
        assertThat(Sandbox.ping(a, Sandbox.OUTSIDE_ADDRESS)).isTrue();
    }

    @Test
    void networksAreIsolatedFromEachOther() {
        manager.create(NetworkSpec.of("one"));
        manager.create(NetworkSpec.of("two"));
        Path a1 = attach("a1", "one");
        Path b1 = attach("b1", "one");
        Path a2 = attach("a2", "two");
        String addressA2 = manager.attachment(ContainerId.of("a2")).orElseThrow().endpoints().getFirst().ipv4().orElseThrow()
                .address().toString();
        String addressB1 = manager.attachment(ContainerId.of("b1")).orElseThrow().endpoints().getFirst().ipv4().orElseThrow()
                .address().toString();
        assertThat(Sandbox.ping(a1, addressB1)).as("same network").isTrue();
        assertThat(Sandbox.ping(a1, addressA2)).as("other network").isFalse();
        assertThat(Sandbox.ping(a2, addressB1)).as("other network, other way").isFalse();
        assertThat(Sandbox.ping(b1, Sandbox.OUTSIDE_ADDRESS)).as("the way out stays open").isTrue();
    }

    @Test
    void internalNetworksHaveNoRouteOutAndNoForwarding() {
        manager.create(NetworkSpec.of("secret").withInternal(true));
        Path a = attach("ia", "secret");
        Path b = attach("ib", "secret");
        String ruleset = sandbox.inHost("nft", "list", "table", "inet", sandbox.prefix);
        String bridge = manager.get(NetworkName.of("secret")).orElseThrow().bridge();
        assertThat(ruleset).contains("iifname \"" + bridge + "\" oifname != \"" + bridge + "\" drop")
                .doesNotContain("ip saddr 10.201.0.0/24 oifname != \"" + bridge + "\" masquerade");
        assertThat(Sandbox.in(a, "ip", "route", "show", "default")).isBlank();
        String addressB = manager.attachment(ContainerId.of("ib")).orElseThrow().endpoints().getFirst().ipv4().orElseThrow()
                .address().toString();
        assertThat(Sandbox.ping(a, addressB)).as("inside the internal network").isTrue();
        // A container that adds its own default route still cannot get out: the forward chain drops it.
        Sandbox.in(a, "ip", "route", "add", "default", "via", "10.201.0.1");
        assertThat(Sandbox.ping(a, Sandbox.OUTSIDE_ADDRESS)).isFalse();
        Sandbox.in(b, "ip", "route", "add", "default", "via", "10.201.0.1");
        assertThat(Sandbox.ping(b, Sandbox.OUTSIDE_ADDRESS)).isFalse();
    }

    @Test
    void forwardingWorksUnderAForeignDropPolicy() {
        String foreign = sandbox.prefix + "foreign";
        sandbox.inHost("nft", "add", "table", "ip", foreign);
        sandbox.inHost("nft", "add", "chain", "ip", foreign, "FORWARD",
                "{ type filter hook forward priority 0; policy drop; }");
        manager.create(NetworkSpec.of("behind"));
        Path a = attach("fa", "behind");
        assertThat(sandbox.inHost("nft", "list", "chain", "ip", foreign, "FORWARD"))
                .contains("comment \"jcompose-forward-" + sandbox.prefix + "\"");
        assertThat(Sandbox.ping(a, Sandbox.OUTSIDE_ADDRESS)).isTrue();

        // Control: without our rule in the foreign chain, its drop policy wins.
        String handle = sandbox.inHost("nft", "-a", "list", "chain", "ip", foreign, "FORWARD").lines()
                .filter(l -> l.contains("jcompose-forward")).findFirst().orElseThrow()
                .replaceAll(".*# handle (\\d+).*", "$1");
        sandbox.inHost("nft", "delete", "rule", "ip", foreign, "FORWARD", "handle", handle);
        assertThat(Sandbox.ping(a, Sandbox.OUTSIDE_ADDRESS)).isFalse();

        manager.cleanupLeftovers();
        assertThat(Sandbox.ping(a, Sandbox.OUTSIDE_ADDRESS)).as("the sweep puts the rule back").isTrue();

        manager.removeAll();
        assertThat(sandbox.inHost("nft", "list", "chain", "ip", foreign, "FORWARD")).doesNotContain("jcompose");
    }
}
