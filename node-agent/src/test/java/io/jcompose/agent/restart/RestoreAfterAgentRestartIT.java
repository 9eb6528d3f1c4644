package io.jcompose.agent.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.bundle.RestartPolicy;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.client.AgentReadiness;
import io.jcompose.agent.daemon.AgentConfig;
import io.jcompose.agent.daemon.AgentMain;
import io.jcompose.agent.syscall.Libc;
import io.jcompose.agent.testing.AgentFixture;
import io.jcompose.agent.testing.BusyboxRootfs;
import io.jcompose.agent.testing.SpecBuilder;
import io.jcompose.agent.testing.TestHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The agent killed with SIGKILL; meanwhile containers die. The next agent starts the {@code always}
 * ones (dependencies first) and the {@code unless-stopped} ones the user had not stopped.
 */
class RestoreAfterAgentRestartIT {
    @Test
    void containersThatDiedWhileTheAgentWasDownComeBackByPolicy() throws Exception {
        assumeTrue(Libc.geteuid() == 0, "root-tier test");
        try (TestHost host = TestHost.create()) {
            Path rootfs = BusyboxRootfs.create(host.root().resolve("rootfs"));
            AgentConfig config = AgentFixture.config(host);
            AgentClient client = new AgentClient(config.socket());
            List<Process> agents = new ArrayList<>();
            try {
                agents.add(spawn(config, host.root().resolve("agent1.log")));
                AgentReadiness.await(config.runtimeDir(), Duration.ofSeconds(60));
                String project = "jt" + host.prefix();
                ContainerView db = create(client, host, "db", rootfs, "always", Map.of(
                        DependsOnLabel.PROJECT, project, DependsOnLabel.SERVICE, "db"));
                ContainerView web = create(client, host, "web", rootfs, "always", Map.of(
                        DependsOnLabel.PROJECT, project, DependsOnLabel.SERVICE, "web",
                        DependsOnLabel.KEY, "db:service_started:false"));
                ContainerView unless = create(client, host, "unless", rootfs, "unless-stopped", Map.of());
                ContainerView stoppedUnless = create(client, host, "stopped-unless", rootfs, "unless-stopped", Map.of());
                ContainerView never = create(client, host, "never", rootfs, "no", Map.of());
                Map<String, Integer> pids = new HashMap<>();
                for (ContainerView c : List.of(web, db, unless, stoppedUnless, never)) {
                    pids.put(c.id(), client.start(c.id()).pid());
                }
                client.stop(stoppedUnless.id(), Duration.ofSeconds(1));

                agents.getFirst().destroyForcibly(); // SIGKILL
                assertThat(agents.getFirst().waitFor(30, TimeUnit.SECONDS)).isTrue();
                // While no agent runs, the containers die; their monitors record the exits.
                for (ContainerView c : List.of(web, db, unless, never)) {
                    ProcessHandle.of(pids.get(c.id())).orElseThrow().destroyForcibly();
                    awaitFile(config.runtimeDir().resolve("exits").resolve(c.id()));
                }

                agents.add(spawn(config, host.root().resolve("agent2.log")));
                AgentReadiness.await(config.runtimeDir(), Duration.ofSeconds(60));
                for (ContainerView c : List.of(db, web, unless)) {
                    ContainerView back = awaitRunning(client, c.id());
                    assertThat(back.pid()).isNotEqualTo(pids.get(c.id()));
                }
                assertThat(Instant.parse(client.inspect(web.id()).startedAt()))
                        .as("web depends on db: it starts once db runs")
                        .isAfterOrEqualTo(Instant.parse(client.inspect(db.id()).startedAt()));
                assertThat(client.inspect(stoppedUnless.id()).state()).isEqualTo("exited");
                assertThat(client.inspect(never.id()).state()).isEqualTo("exited");
                for (ContainerView c : client.list(List.of("jt=" + host.prefix()))) {
                    client.remove(c.id(), true);
                }
            } finally {
                for (Process agent : agents) {
                    agent.destroy();
                    agent.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static ContainerView create(AgentClient client, TestHost host, String name, Path rootfs, String restart,
                                        Map<String, String> labels) {
        ContainerSpecBody spec = SpecBuilder.edit(ContainerSpecBody.ofRootfs(rootfs.toString(), List.of("sleep", "3600")),
                s -> s.withSupervision(RestartPolicy.parse(restart), null));
        Map<String, String> all = new HashMap<>(labels);
        all.put("jt", host.prefix());
        return client.create(new CreateContainerRequest(host.prefix() + "-" + name, all, spec));
    }

    /** Bounded poll: the restore runs in the background once the agent serves. */
    private static ContainerView awaitRunning(AgentClient client, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        ContainerView c = client.inspect(id);
        while (!c.state().equals("running") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            c = client.inspect(id);
        }
        assertThat(c.state()).as("%s is running again", c.name()).isEqualTo("running");
        return c;
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file).exists();
    }

    private static Process spawn(AgentConfig config, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new ArrayList<>(List.of(java));
        argv.addAll(AgentMain.JVM_OPTIONS);
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), AgentMain.class.getName(),
                "--data-root", config.dataRoot().toString(), "--runtime-dir", config.runtimeDir().toString(),
                "--cgroup-parent", config.cgroupParent()));
        return new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
