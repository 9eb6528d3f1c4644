package io.jcompose.agent.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.bundle.ContainerSpec;
import io.jcompose.agent.daemon.Agent;
import io.jcompose.agent.daemon.AgentConfig;
import io.jcompose.agent.log.LogQuery;
import io.jcompose.agent.testing.BusyboxRootfs;
import io.jcompose.agent.testing.TestHost;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ContainerServiceSmokeIT {
    @Test
    void runsAContainerToItsExitCodeAndKeepsItsLogs() throws Exception {
        try (TestHost host = TestHost.create()) {
            var rootfs = BusyboxRootfs.create(host.root().resolve("rootfs"));
            AgentConfig config = AgentConfig.defaults().withDirectories(host.dataRoot(), host.runtimeDir())
                    .withCgroupParent(host.cgroupParent()).withNetwork(host.networkSettings());
            try (Agent agent = Agent.start(config)) {
                ContainerService service = agent.containers();
                Container c = service.create(new ContainerService.CreateRequest("smoke", Map.of("t", "1"),
                        ContainerSpec.of(rootfs, List.of("sh", "-c", "echo out; echo err >&2; exit 3"))));
                service.start("smoke");
                Container exited = service.waitForExit("smoke").get(30, TimeUnit.SECONDS);
                assertThat(exited.exitCode()).isEqualTo(3);
                List<String> lines = new CopyOnWriteArrayList<>();
                service.logs("smoke", LogQuery.ALL, new CompletableFuture<>(), e -> lines.add(e.stream() + " " + e.message()));
                assertThat(lines).containsExactly("STDOUT out", "STDERR err");
                service.remove(c.id().value(), false);
            }
        }
    }
}
