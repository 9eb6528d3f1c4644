import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.api.v1.NetworkCreateRequest;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.client.AgentReadiness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Driven by bench/container-start.sh: create+start of one container inside the agent (through its
 * API) against raw `runc run -d` of the same bundle, medians of N runs each, then the agent's
 * resident memory with 10 running containers; and create+start on a user-defined network (the
 * difference is the network wiring: namespace, veth, addresses, DNS record, /etc files).
 *
 * args: runtimeDir rootfs runcRoot scratchDir cgroupParent iterations
 */
public class ContainerStartBench {
    public static void main(String[] args) throws Exception {
        Path runtimeDir = Path.of(args[0]);
        Path rootfs = Path.of(args[1]);
        Path runcRoot = Path.of(args[2]);
        Path scratch = Path.of(args[3]);
        String cgroupParent = args[4];
        int n = Integer.parseInt(args[5]);

        var version = AgentReadiness.await(runtimeDir, Duration.ofSeconds(60));
        AgentClient client = new AgentClient(runtimeDir.resolve("jcompose.sock"));
        System.out.println("agent pid " + version.pid() + ", " + version.runtimeReason());

        // Warm up the agent's code paths (JIT) the way a long-running daemon is warm.
        for (int i = 0; i < 10; i++) {
            String id = createStart(client, "warm" + i, rootfs).id();
            client.remove(id, true);
        }

        List<Double> agentMs = new ArrayList<>();
        String sampleId = null;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            ContainerView c = createStart(client, "bench" + i, rootfs);
            agentMs.add((System.nanoTime() - t0) / 1e6);
            if (i == 0) {
                sampleId = c.id();
                continue; // kept to borrow its bundle
            }
            client.remove(c.id(), true);
        }

        // The same bundle, run by runc directly: copy config.json, give it its own cgroup.
        Path bundle = runtimeDir.getParent().resolve("data/containers").resolve(sampleId);
        Path rawBundle = Files.createDirectories(scratch.resolve("raw-bundle"));
        String config = Files.readString(bundle.resolve("config.json"))
                .replace(cgroupParent + "/" + sampleId, cgroupParent + "/raw")
                .replace(bundle.toString(), rawBundle.toString());
        for (String file : List.of("hostname", "hosts", "resolv.conf")) {
            Files.copy(bundle.resolve(file), rawBundle.resolve(file));
        }
        Files.writeString(rawBundle.resolve("config.json"), config);
        client.remove(sampleId, true);
        List<Double> runcMs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "raw" + i;
            long t0 = System.nanoTime();
            run("runc", "--root", runcRoot.toString(), "run", "-d", "--bundle", rawBundle.toString(), id);
            runcMs.add((System.nanoTime() - t0) / 1e6);
            run("runc", "--root", runcRoot.toString(), "delete", "--force", id);
        }

        String network = client.createNetwork(new NetworkCreateRequest("jcbench_net", Map.of("jcbench", "1"),
                null, null, null, null, null)).name();
        List<Double> bridgeMs = new ArrayList<>();
        for (int i = 0; i < n + 10; i++) {
            long t0 = System.nanoTime();
            ContainerView c = createStart(client, "net" + i, rootfs, network);
            if (i >= 10) { // the first ten warm the network code paths
                bridgeMs.add((System.nanoTime() - t0) / 1e6);
            }
            client.remove(c.id(), true);
        }
        client.removeNetwork(network);

        List<String> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(createStart(client, "rss" + i, rootfs).id());
        }
        System.gc();
        String rss = Files.readAllLines(Path.of("/proc/" + version.pid() + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        for (String id : ten) {
            client.remove(id, true);
        }

        System.out.printf("create+start in the agent: median %.1f ms (min %.1f, max %.1f, n=%d)%n",
                median(agentMs), Collections.min(agentMs), Collections.max(agentMs), n);
        System.out.printf("raw runc run -d, same bundle: median %.1f ms (min %.1f, max %.1f, n=%d)%n",
                median(runcMs), Collections.min(runcMs), Collections.max(runcMs), n);
        System.out.printf("create+start on a user-defined network: median %.1f ms (min %.1f, max %.1f, n=%d)%n",
                median(bridgeMs), Collections.min(bridgeMs), Collections.max(bridgeMs), n);
        System.out.println("agent resident memory with 10 running containers: " + rss.substring(rss.indexOf(' ') + 1));
    }

    static ContainerView createStart(AgentClient client, String name, Path rootfs) {
        return createStart(client, name, rootfs, null);
    }

    static ContainerView createStart(AgentClient client, String name, Path rootfs, String network) {
        ContainerSpecBody spec = ContainerSpecBody.ofRootfs(rootfs.toString(), List.of("sleep", "1000"));
        if (network != null) {
            ContainerSpecBody b = spec;
            spec = new ContainerSpecBody(b.command(), null, null, null, null, null, null, b.rootfs(), null, null, null,
                    "bridge", null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, List.of(new ContainerSpecBody.NetworkAttachmentBody(network, List.of(), null, null, null,
                            null, null)), null, null, null, null);
        }
        ContainerView c = client.create(new CreateContainerRequest("jcbench-" + name, Map.of("jcbench", "1"), spec));
        return client.start(c.id());
    }

    static void run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed");
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }
}
