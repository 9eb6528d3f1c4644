package io.jcompose.agent.network;

import static io.jcompose.agent.network.NetworkWiring.bridged;
import static io.jcompose.agent.network.NetworkWiring.exec;
import static io.jcompose.agent.network.NetworkWiring.network;
import static io.jcompose.agent.network.NetworkWiring.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.ContainerSpecBody.PortBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.ExecResult;
import io.jcompose.agent.api.v1.NetworkCreateRequest;
import io.jcompose.agent.api.v1.NetworkView;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Containers of a real agent on user-defined networks: names through the embedded DNS, published
 * ports, a taken port, {@code container:} mode, and nothing left after remove and network delete.
 */
class NetworkWiringIT extends AgentOnNetworks {

    ContainerView running(String name, List<io.jcompose.agent.api.v1.ContainerSpecBody.NetworkAttachmentBody> networks,
                          List<PortBody> ports, String... command) {
        ContainerView c = fx.create(name, bridged(fx.spec(command), networks, ports));
        return client.start(c.id());
    }

    @Test
    void containersResolveEachOtherByNameAndAliasOnTheirNetworkOnly() throws Exception {
        NetworkView front = network(client, host, "front");
        NetworkView back = network(client, host, "back");
        ContainerView a = running("a", List.of(on(front.name(), "web")), List.of(), "sleep", "300");
        ContainerView b = running("b", List.of(on(front.name(), "api")), List.of(), "sleep", "300");
        ContainerView c = running("c", List.of(on(back.name(), "db")), List.of(), "sleep", "300");
        String bAddress = b.networks().get(front.name()).ipv4Address();

        assertThat(a.networks().get(front.name()).gateway()).isEqualTo(front.subnets().getFirst().gateway());
        assertThat(client.inspectNetwork(front.name()).containers()).containsExactly(a.name(), b.name());

        ExecResult byName = exec(client, a.id(), "nslookup", b.name());
        assertThat(byName.exitCode()).as(byName.stdout() + byName.stderr()).isZero();
        assertThat(byName.stdout()).contains(bAddress);
        ExecResult byAlias = exec(client, a.id(), "nslookup", "api");
        assertThat(byAlias.stdout()).contains(bAddress);
        ExecResult ping = exec(client, a.id(), "ping", "-c1", "-W5", "api");
        assertThat(ping.exitCode()).as(ping.stdout() + ping.stderr()).isZero();

        ExecResult elsewhere = exec(client, a.id(), "nslookup", c.name());
        assertThat(elsewhere.exitCode()).isNotZero();
        assertThat(elsewhere.stdout() + elsewhere.stderr()).contains("NXDOMAIN");
        assertThat(exec(client, a.id(), "nslookup", "db").stdout() + exec(client, a.id(), "nslookup", "db").stderr())
                .contains("NXDOMAIN");

        assertThat(exec(client, a.id(), "cat", "/etc/resolv.conf").stdout())
                .startsWith("nameserver " + front.subnets().getFirst().gateway() + "\n").contains("ndots:0");
        String hostname = a.id().substring(0, 12);
        assertThat(exec(client, a.id(), "cat", "/etc/hosts").stdout())
                .contains("127.0.0.1\tlocalhost").contains(a.networks().get(front.name()).ipv4Address() + "\t" + hostname);

        // the name goes with the container
        client.stop(b.id(), java.time.Duration.ZERO);
        ExecResult gone = exec(client, a.id(), "nslookup", b.name());
        assertThat(gone.stdout() + gone.stderr()).contains("NXDOMAIN");

        assertThatThrownBy(() -> client.removeNetwork(front.name()))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
                .hasMessageContaining(a.name());

        fx.removeAll();
        NetworkWiring.removeNetworks(client, host);
        assertThat(NetworkWiring.links(host)).as("links of the run").isEmpty();
        assertThat(NetworkWiring.namespaceMounts(host)).as("namespace mounts of the run").isEmpty();
        assertThat(NetworkWiring.ruleset(host)).as("no element of the run's networks is left in the table")
                .doesNotContain("elements").doesNotContain(front.bridge()).doesNotContain(back.bridge());
        try (var files = Files.list(host.runtimeDir().resolve("netns"))) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void aStopSequenceRemovesTheNetworksWithItsLabelsAfterItsContainersAndLeavesNothingOfThem() throws Exception {
        NetworkView front = client.createNetwork(new NetworkCreateRequest(host.prefix() + "_front",
                Map.of("jt", host.prefix(), "project", "p"), null, null, null, null, null));
        NetworkView kept = client.createNetwork(new NetworkCreateRequest(host.prefix() + "_kept",
                Map.of("jt", host.prefix(), "project", "other"), null, null, null, null, null));
        ContainerView db = running("db", List.of(on(front.name())), List.of(new PortBody(80, null, "127.0.0.1", "tcp")),
                "sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1 & wait; done");
        ContainerView web = running("web", List.of(on(front.name())), List.of(),
                "sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1 & wait; done");
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.stopSequence(new io.jcompose.agent.api.v1.StopSequenceRequest(List.of(
                new io.jcompose.agent.api.v1.StopSequenceRequest.Step(web.id(), true, List.of()),
                new io.jcompose.agent.api.v1.StopSequenceRequest.Step(db.id(), true, List.of(web.id()))),
                10, true, false, List.of("jt=" + host.prefix(), "project=p")),
                p -> lines.add(p.network() != null ? p.type() + " network " + p.network()
                        : p.type() + " " + (p.id() == null ? "" : p.id().equals(db.id()) ? "db" : "web")));

        // after every container's lines, and gone from the host once the stream has ended
        assertThat(lines).containsSubsequence("stopped web", "stopped db", "removed network " + front.name());
        assertThat(lines.indexOf("removed network " + front.name())).isGreaterThan(lines.indexOf("removed db"))
                .isGreaterThan(lines.indexOf("removed web"));
        assertThat(client.networks(List.of("jt=" + host.prefix()))).extracting(NetworkView::name).containsExactly(kept.name());
        assertThat(NetworkWiring.links(host)).as("only the other network's bridge").containsExactly(kept.bridge());
        assertThat(NetworkWiring.namespaceMounts(host)).isEmpty();
        assertThat(NetworkWiring.ruleset(host)).doesNotContain(front.bridge());
        assertThat(NetworkWiring.ruleset(host).replaceAll("(?s)set bridges \\{.*?\\}", ""))
                .as("db's published port is withdrawn").doesNotContain("elements");

        // a network a running container still uses is reported, not removed, and the stream still ends
        ContainerView other = running("other", List.of(on(kept.name())), List.of(), "sleep", "300");
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.stopSequence(new io.jcompose.agent.api.v1.StopSequenceRequest(List.of(), 10, true, false,
                List.of("jt=" + host.prefix(), "project=other")), p -> refused.add(p.type() + " " + p.network() + " " + p.error()));
        assertThat(refused).first().asString().startsWith("failed " + kept.name()).contains(other.name());
        assertThat(client.networks(List.of("jt=" + host.prefix()))).extracting(NetworkView::name).containsExactly(kept.name());
    }

    @Test
    void aNetworkAContainerLeavesOnlyByItsRemovalIsRemovedOnceTheRemovalsAreOver() throws Exception {
        // A prepared container (networked, its process not started) has no stop to wait for: the network's first
        // attempt finds it attached, the attempt after the removals does not.
        NetworkView front = client.createNetwork(new NetworkCreateRequest(host.prefix() + "_front",
                Map.of("jt", host.prefix(), "project", "p"), null, null, null, null, null));
        ContainerView prepared = fx.create("prepared", bridged(fx.spec("sleep", "300"), List.of(on(front.name())), List.of()));
        client.prepare(prepared.id());
        assertThat(client.inspectNetwork(front.name()).containers()).containsExactly(prepared.name());
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.stopSequence(new io.jcompose.agent.api.v1.StopSequenceRequest(List.of(
                new io.jcompose.agent.api.v1.StopSequenceRequest.Step(prepared.id(), false, List.of())),
                10, true, false, List.of("jt=" + host.prefix(), "project=p")),
                p -> lines.add(p.type() + " " + (p.network() != null ? p.network() : "container")));
        assertThat(lines).containsExactly("removing container", "removed container", "removed " + front.name());
        assertThat(client.networks(List.of("jt=" + host.prefix()))).isEmpty();
        assertThat(NetworkWiring.links(host)).isEmpty();
    }

    @Test
    void aPublishedPortAnswersOnTheHostsLoopback() throws Exception {
        NetworkView front = network(client, host, "front");
        String page = "/tmp/" + host.prefix() + "-www";
        ContainerView web = running("web", List.of(on(front.name())), List.of(new PortBody(8080, null, "127.0.0.1", "tcp")),
                "sh", "-c", "mkdir -p " + page + " && echo hello-from-web > " + page + "/index.html && exec httpd -f -p 8080 -h " + page);
        assertThat(web.ports()).hasSize(1);
        ContainerView.PublishedPortView port = web.ports().getFirst();
        assertThat(port.hostIp()).isEqualTo("127.0.0.1");
        assertThat(port.hostPort()).as("an ephemeral port, resolved").isPositive();
        assertThat(port.containerPort()).isEqualTo(8080);
        assertThat(NetworkWiring.httpGet(port.hostPort(), "/index.html")).contains("hello-from-web");
        assertThat(client.inspect(web.id()).ports()).isEqualTo(web.ports());

        List<PortBody> same = List.of(new PortBody(81, Integer.toString(port.hostPort()), "127.0.0.1", "tcp"));
        assertThat(client.checkPorts(same, List.of())).singleElement().satisfies(c -> assertThat(c.problem())
                .as("the holder by its name").contains("(container " + web.name() + ")").doesNotContain(web.id()));
        assertThat(client.checkPorts(same, List.of(web.id()))).as("free once web is replaced").isEmpty();
    }

    @Test
    void aTakenHostPortFailsTheStartNamingItsHolderAndLeavesNothing() throws Exception {
        NetworkView front = network(client, host, "front");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        // a plain IPv4 listener of our own as the holder, ended by its handle in finally
        Process holder = new ProcessBuilder("/bin/busybox", "httpd", "-f", "-p", "127.0.0.1:" + port, "-h",
                host.root().toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            NetworkWiring.httpGet(port, "/"); // listening
            assertThat(client.checkPorts(List.of(new PortBody(80, Integer.toString(port), "127.0.0.1", "tcp")), List.of()))
                    .as("the check names the holder before anything is made").singleElement()
                    .satisfies(c -> assertThat(c.problem()).contains("(pid " + holder.pid() + ")"));
            ContainerView c = fx.create("web", bridged(fx.spec("sleep", "300"), List.of(on(front.name())),
                    List.of(new PortBody(80, Integer.toString(port), "127.0.0.1", "tcp"))));
            assertThatThrownBy(() -> client.start(c.id())).isInstanceOf(AgentException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining(Long.toString(holder.pid()));
            assertThat(client.inspect(c.id()).state()).isEqualTo("created");
            assertThat(client.inspect(c.id()).networks()).isEmpty();
            assertThat(NetworkWiring.links(host)).as("only the bridge").containsExactly(front.bridge());
            assertThat(NetworkWiring.namespaceMounts(host)).isEmpty();
            assertThat(NetworkWiring.ruleset(host)).as("no port map entry").doesNotContain(Integer.toString(port));
            assertThat(client.inspectNetwork(front.name()).containers()).isEmpty();
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }

    @Test
    void containerModeSharesTheNamespaceOfARunningContainer() {
        NetworkView front = network(client, host, "front");
        ContainerView a = running("a", List.of(on(front.name())), List.of(), "sleep", "300");
        ContainerView side = fx.create("side", NetworkWiring.with(fx.spec("sleep", "300"),
                Map.of("networkMode", "container:" + a.name())));
        client.start(side.id());
        assertThat(exec(client, side.id(), "cat", "/sys/class/net/eth0/address").stdout().strip())
                .isEqualTo(a.networks().get(front.name()).macAddress());
        assertThat(exec(client, side.id(), "cat", "/etc/resolv.conf").stdout())
                .isEqualTo(exec(client, a.id(), "cat", "/etc/resolv.conf").stdout());

        ContainerView stopped = fx.create("stopped", fx.spec("true"));
        ContainerView late = fx.create("late", NetworkWiring.with(fx.spec("sleep", "300"),
                Map.of("networkMode", "container:" + stopped.name())));
        assertThatThrownBy(() -> client.start(late.id()))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION))
                .hasMessageContaining("start " + stopped.name() + " first");
    }

    @Test
    void creatingANetworkAgainIsIdempotentUnlessTheSettingsDiffer() {
        NetworkView first = network(client, host, "front");
        assertThat(network(client, host, "front")).isEqualTo(first);
        assertThat(client.networks(List.of("jt=" + host.prefix()))).containsExactly(first);
        assertThatThrownBy(() -> client.createNetwork(new NetworkCreateRequest(first.name(), Map.of("jt", host.prefix()),
                null, true, null, null, null)))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
                .hasMessageContaining("internal: false").hasMessageContaining("remove it first");
        assertThatThrownBy(() -> client.inspectNetwork(host.prefix() + "_nosuch"))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }
}
