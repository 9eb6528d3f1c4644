package io.jcompose.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.bundle.Healthcheck;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.client.AgentReadiness;
import io.jcompose.agent.daemon.AgentConfig;
import io.jcompose.agent.daemon.AgentMain;
import io.jcompose.agent.testing.AgentFixture;
import io.jcompose.agent.testing.BusyboxRootfs;
import io.jcompose.agent.testing.SpecBuilder;
import io.jcompose.agent.testing.TestHost;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The agent stopped and started again while a healthy container runs: the container is still
 * healthy the moment the new agent serves, with the probes of before the restart in its log, and
 * probing goes on.
 */
class HealthAfterAgentRestartIT {
    @Test
    void aHealthyContainerStaysHealthyWithItsProbeLogAcrossAnAgentRestart() throws Exception {
        try (TestHost host = TestHost.create()) {
            Path rootfs = BusyboxRootfs.create(host.root().resolve("rootfs"));
            AgentConfig config = AgentFixture.config(host);
            AgentClient client = new AgentClient(config.socket());
            List<Process> agents = new ArrayList<>();
            try {
                agents.add(spawn(config, host.root().resolve("agent1.log")));
                AgentReadiness.await(config.runtimeDir(), Duration.ofSeconds(60));
                Healthcheck check = new Healthcheck(List.of("CMD-SHELL", "echo probe-ok"), Duration.ofMillis(300),
                        Duration.ofSeconds(5), Duration.ZERO, null, 1, false);
                ContainerSpecBody spec = SpecBuilder.edit(ContainerSpecBody.ofRootfs(rootfs.toString(),
                        List.of("sleep", "3600")), s -> s.withSupervision(null, check));
                ContainerView c = client.create(new CreateContainerRequest(host.prefix() + "-healthy",
                        Map.of("jt", host.prefix()), spec));
                client.start(c.id());
                ContainerView.HealthView before = await(client, c.id(),
                        h -> h.status().equals("healthy") && h.log().size() >= 2);

                agents.getFirst().destroy(); // SIGTERM, as `jcompose agent stop`
                assertThat(agents.getFirst().waitFor(30, TimeUnit.SECONDS)).isTrue();
                agents.add(spawn(config, host.root().resolve("agent2.log")));
                AgentReadiness.await(config.runtimeDir(), Duration.ofSeconds(60));

                ContainerView.HealthView after = client.inspect(c.id()).health();
                assertThat(after.status()).as("not starting over").isEqualTo("healthy");
                assertThat(after.log()).as("the probes of before the restart are kept").containsAll(before.log().subList(
                        Math.max(0, before.log().size() - 2), before.log().size()));
                assertThat(client.inspect(c.id()).state()).isEqualTo("running");

                Instant restartedAt = Instant.now();
                ContainerView.HealthView later = await(client, c.id(), h -> Instant.parse(h.log().getLast().start())
                        .isAfter(restartedAt));
                assertThat(later.status()).isEqualTo("healthy");
                assertThat(later.log().getLast().output()).isEqualTo("probe-ok\n");
                client.remove(c.id(), true);
            } finally {
                for (Process agent : agents) {
                    agent.destroy();
                    agent.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static ContainerView.HealthView await(AgentClient client, String id, Predicate<ContainerView.HealthView> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        ContainerView.HealthView h = client.inspect(id).health();
        while ((h == null || !done.test(h)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            h = client.inspect(id).health();
        }
        assertThat(h).isNotNull().matches(done);
        return h;
    }

    private static Process spawn(AgentConfig config, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new ArrayList<>(List.of(java));
        argv.addAll(AgentMain.JVM_OPTIONS);
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), AgentMain.class.getName(),
                "--data-root", config.dataRoot().toString(), "--runtime-dir", config.runtimeDir().toString(),
                "--cgroup-parent", config.cgroupParent()));
        argv.addAll(AgentFixture.networkOptions(config));
        return new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
