package io.jcompose.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.client.AgentReadiness;
import io.jcompose.agent.client.LogOptions;
import io.jcompose.agent.host.HostCommand;
import io.jcompose.agent.testing.AgentFixture;
import io.jcompose.agent.testing.BusyboxRootfs;
import io.jcompose.agent.testing.TestHost;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The agent killed with SIGKILL while containers run: they keep running, one exits while no agent
 * is up, and the next agent has their state, their exit codes and their logs.
 */
class AgentRestartIT {
    @Test
    void containersOutliveASigkilledAgentAndTheNextAgentKnowsEverything() throws Exception {
        try (TestHost host = TestHost.create()) {
            Path rootfs = BusyboxRootfs.create(host.root().resolve("rootfs"));
            AgentConfig config = AgentFixture.config(host);
            AgentClient client = new AgentClient(config.socket());
            List<Process> agents = new ArrayList<>();
            try {
                agents.add(spawn(config, host.root().resolve("agent1.log")));
                AgentReadiness.await(config.runtimeDir(), Duration.ofSeconds(60));
                String waiting = "echo before; while [ ! -f /tmp/%s ]; do sleep 0.1; done; echo after-%s; exit %d";
                ContainerView longRunner = create(client, host, "long", rootfs, String.format(waiting, "go-long", "long", 7));
                ContainerView quick = create(client, host, "quick", rootfs, String.format(waiting, "go-quick", "quick", 4));
                ContainerView orphan = create(client, host, "orphan", rootfs, String.format(waiting, "never", "orphan", 1));
                for (ContainerView c : List.of(longRunner, quick, orphan)) {
                    client.start(c.id());
                    awaitLine(client, c.id(), "before");
                }
                int pid = client.inspect(longRunner.id()).pid();

                agents.getFirst().destroyForcibly(); // SIGKILL
                assertThat(agents.getFirst().waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(runtimeStatus(config, longRunner.id())).isEqualTo("running");

                // One container finishes while no agent runs; its monitor records the exit.
                Path exitFile = config.runtimeDir().resolve("exits").resolve(quick.id());
                touchAndAwait(rootfs.resolve("tmp/go-quick"), exitFile);
                // A monitor dies too: nobody would record that container's exit any more.
                int monitor = Integer.parseInt(Files.readString(
                        config.runtimeDir().resolve("conmon").resolve(orphan.id() + ".pid")).strip());
                assertThat(Files.readString(Path.of("/proc/" + monitor + "/cmdline"))).contains(orphan.id());
                ProcessHandle.of(monitor).ifPresent(ProcessHandle::destroyForcibly);
                // Leftovers of an interrupted create: files the store does not know.
                Path orphanFiles = Files.createDirectories(config.dataRoot().resolve("containers").resolve("e".repeat(64)));

                agents.add(spawn(config, host.root().resolve("agent2.log")));
                AgentReadiness.await(config.runtimeDir(), Duration.ofSeconds(60));
                assertThat(client.version().pid()).isEqualTo((int) agents.getLast().pid());

                ContainerView stillRunning = client.inspect(longRunner.id());
                assertThat(stillRunning.state()).isEqualTo("running");
                assertThat(stillRunning.pid()).isEqualTo(pid);
                ContainerView exitedMeanwhile = client.inspect(quick.id());
                assertThat(exitedMeanwhile.state()).isEqualTo("exited");
                assertThat(exitedMeanwhile.exitCode()).isEqualTo(4);
                assertThat(Files.exists(orphanFiles)).as("orphan files are removed").isFalse();
                ContainerView unsupervised = client.inspect(orphan.id());
                assertThat(unsupervised.state()).as("a container without a monitor is killed").isEqualTo("exited");
                assertThat(unsupervised.exitCode()).isEqualTo(137);

                Files.createFile(rootfs.resolve("tmp/go-long"));
                assertThat(client.awaitExit(longRunner.id()).exitCode()).isEqualTo(7);
                assertThat(logs(client, longRunner.id())).containsExactly("before", "after-long");
                assertThat(logs(client, quick.id())).containsExactly("before", "after-quick");

                client.remove(longRunner.id(), false);
                client.remove(quick.id(), false);
                client.remove(orphan.id(), false);
                assertThat(client.list(List.of())).isEmpty();

                assertThat(io.jcompose.agent.client.AgentControl.status(config.runtimeDir())).isPresent();
                assertThat(io.jcompose.agent.client.AgentControl.stop(config.runtimeDir(), Duration.ofSeconds(30))).isTrue();
                assertThat(agents.getLast().isAlive()).isFalse();
                assertThat(io.jcompose.agent.client.AgentControl.status(config.runtimeDir())).isEmpty();
                assertThat(config.readyFile()).as("a clean stop removes the ready file").doesNotExist();
            } finally {
                for (Process agent : agents) {
                    agent.destroy(); // SIGTERM: a clean stop of whichever agent still runs
                    agent.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static Process spawn(AgentConfig config, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new ArrayList<>(List.of(java));
        argv.addAll(AgentMain.JVM_OPTIONS); // the options a real launch uses
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), AgentMain.class.getName(),
                "--data-root", config.dataRoot().toString(), "--runtime-dir", config.runtimeDir().toString(),
                "--cgroup-parent", config.cgroupParent()));
        argv.addAll(AgentFixture.networkOptions(config));
        return new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static ContainerView create(AgentClient client, TestHost host, String name, Path rootfs, String script) {
        var spec = io.jcompose.agent.api.v1.ContainerSpecBody.ofRootfs(rootfs.toString(), List.of("sh", "-c", script));
        return client.create(new CreateContainerRequest(host.prefix() + "-" + name, Map.of("jt", host.prefix()), spec));
    }

    private static String runtimeStatus(AgentConfig config, String id) {
        HostCommand.Result r = HostCommand.run(List.of("runc", "--root", config.runtimeDir().resolve("runc").toString(),
                "state", id));
        return r.stdout().contains("\"status\": \"running\"") ? "running" : r.stdout() + r.stderr();
    }

    private static void touchAndAwait(Path trigger, Path exitFile) throws Exception {
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            exitFile.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            Files.createFile(trigger);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(exitFile) && System.nanoTime() < deadline) {
                var key = watch.poll(1, TimeUnit.SECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
        assertThat(exitFile).exists();
    }

    private static void awaitLine(AgentClient client, String id, String line) {
        boolean[] seen = {false};
        client.logs(id, new LogOptions(true, false, -1, true), l -> !(seen[0] = l.message().equals(line)));
        assertThat(seen[0]).isTrue();
    }

    private static List<String> logs(AgentClient client, String id) {
        List<String> out = new ArrayList<>();
        client.logs(id, LogOptions.ALL, l -> out.add(l.message()));
        return out;
    }
}
