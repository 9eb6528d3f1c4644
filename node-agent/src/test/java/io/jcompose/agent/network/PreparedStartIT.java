package io.jcompose.agent.network;

import static io.jcompose.agent.network.NetworkWiring.bridged;
import static io.jcompose.agent.network.NetworkWiring.exec;
import static io.jcompose.agent.network.NetworkWiring.network;
import static io.jcompose.agent.network.NetworkWiring.on;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.ContainerSpecBody.PortBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.NetworkView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A container's run prepared ahead of its start (what {@code up} does for a dependency chain): it stays created
 * until started, runs like any other once started, and a preparation that is stopped, removed or never started
 * leaves nothing behind.
 */
class PreparedStartIT extends AgentOnNetworks {

    @Test
    void aPreparedContainerStaysCreatedUntilItsStartThenRunsNetworked() throws Exception {
        NetworkView front = network(client, host, "front");
        ContainerView web = fx.create("web", bridged(fx.spec("sh", "-c", "echo started > /tmp/mark; exec sleep 300"),
                List.of(on(front.name(), "www")), List.of(new PortBody(8080, null, "127.0.0.1", "tcp"))));
        ContainerView prepared = client.prepare(web.id());
        assertThat(prepared.state()).isEqualTo("created");
        assertThat(client.inspect(web.id()).state()).isEqualTo("created");
        assertThat(netns()).as("the run's namespace is made ahead").hasSize(1);
        assertThat(runtimeState(web.id())).as("the runtime created it").exists();
        assertThat(client.prepare(web.id()).state()).as("a second prepare changes nothing").isEqualTo("created");

        ContainerView running = client.start(web.id());
        assertThat(running.state()).isEqualTo("running");
        assertThat(exec(client, web.id(), "cat", "/tmp/mark").stdout()).isEqualTo("started\n");
        assertThat(running.networks().get(front.name()).ipv4Address()).isNotBlank();
        ContainerView other = client.start(fx.create("other", bridged(fx.spec("sleep", "300"),
                List.of(on(front.name())), List.of())).id());
        var lookup = exec(client, other.id(), "nslookup", "www");
        assertThat(lookup.stdout()).as(lookup.stderr()).contains(running.networks().get(front.name()).ipv4Address());
        assertThat(client.prepare(web.id()).state()).as("prepare leaves a running container alone").isEqualTo("running");
    }

    @Test
    void stopAndRemoveUndoAPreparationAndTheContainerStartsLaterAsUsual() throws Exception {
        NetworkView front = network(client, host, "front");
        ContainerView a = fx.create("a", bridged(fx.spec("sleep", "300"), List.of(on(front.name())), List.of()));
        client.prepare(a.id());
        ContainerView stopped = client.stop(a.id(), Duration.ZERO);
        assertThat(stopped.state()).isEqualTo("created");
        assertThat(netns()).as("stop released the prepared namespace").isEmpty();
        assertThat(runtimeState(a.id())).doesNotExist();
        assertThat(client.start(a.id()).state()).isEqualTo("running");
        assertThat(exec(client, a.id(), "true").exitCode()).isZero();

        ContainerView b = fx.create("b", bridged(fx.spec("sleep", "300"), List.of(on(front.name())), List.of()));
        client.prepare(b.id());
        client.remove(b.id(), false, false);
        assertThat(netns()).as("only a's namespace is left").hasSize(1);
        assertThat(runtimeState(b.id())).doesNotExist();
        assertThat(client.inspectNetwork(front.name()).containers()).containsExactly(a.name());
    }

    @Test
    void aPreparationNobodyStartsIsUndoneByTheAgent() throws Exception {
        fx.daemon().agent().containers().preparedFor(Duration.ofMillis(300));
        NetworkView front = network(client, host, "front");
        ContainerView c = fx.create("late", bridged(fx.spec("sleep", "300"), List.of(on(front.name())), List.of()));
        client.prepare(c.id());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((!netns().isEmpty() || Files.exists(runtimeState(c.id()))) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(netns()).as("the expired preparation's namespace").isEmpty();
        assertThat(runtimeState(c.id())).doesNotExist();
        assertThat(client.inspect(c.id()).state()).isEqualTo("created");
        assertThat(client.start(c.id()).state()).isEqualTo("running");
    }

    private List<Path> netns() throws IOException {
        try (var files = Files.list(host.runtimeDir().resolve("netns"))) {
            return files.toList();
        }
    }

    private Path runtimeState(String id) {
        return host.runtimeDir().resolve("runc").resolve(id);
    }
}
