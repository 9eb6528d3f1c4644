package io.jcompose.network;

import io.jcompose.network.host.Command;
import io.jcompose.network.host.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times {@link NetworkManager#attach} in a sandbox host (run by {@code bench/net-attach.sh}, not by
 * the test suite): namespace + veth + addresses + routes + state, without and with one published
 * port (which adds the nftables update), and, to show where the time goes, the external programs
 * an attach runs, each alone.
 */
public final class AttachBenchmark {

    private AttachBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        try (Sandbox sandbox = Sandbox.create(); NetworkManager manager = NetworkManager.open(sandbox.config())) {
            try {
                manager.create(NetworkSpec.of("bench"));
                run(manager, 10, "warm", false);
                report("attach, no ports", run(manager, rounds, "plain", false));
                report("attach + 1 published port", run(manager, rounds, "port", true));
                report("detach (with port)", detachTimes(manager, rounds));
                breakdown(sandbox, rounds);
            } finally {
                manager.removeAll();
            }
        }
    }

    private static List<Double> run(NetworkManager manager, int rounds, String name, boolean port) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            AttachRequest request = AttachRequest.of(ContainerId.of(name + i), NetworkMode.bridge(EndpointSpec.of("bench")));
            if (port) {
                request = request.withPorts(new PortOwner("bench", name), List.of(PortMapping.tcp(20000 + i, 80)));
            }
            AttachRequest r = request;
            times.add(millis(() -> manager.attach(r)));
            if (!port) {
                manager.detach(ContainerId.of(name + i));
            }
        }
        return times;
    }

    private static List<Double> detachTimes(NetworkManager manager, int rounds) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            ContainerId id = ContainerId.of("port" + i);
            times.add(millis(() -> {
                manager.detach(id);
                return null;
            }));
        }
        return times;
    }

    /** The programs one attach runs, each timed alone in the same sandbox. */
    private static void breakdown(Sandbox sandbox, int rounds) throws Exception {
        ProcessRunner runner = new ProcessRunner(sandbox.host);
        Path dir = Files.createDirectories(sandbox.dir.resolve("bench"));
        List<Double> unshare = new ArrayList<>();
        List<Double> hostBatch = new ArrayList<>();
        List<Double> nsBatch = new ArrayList<>();
        List<Double> nft = new ArrayList<>();
        List<Double> spawn = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Path ns = dir.resolve("ns" + i);
            Files.createFile(ns);
            unshare.add(millis(() -> runner.run(Command.of("bench", "unshare", "--net=" + ns, "true"))));
            String veth = sandbox.prefix + "x" + i;
            hostBatch.add(millis(() -> runner.run(Command.of("bench", "ip", "-batch", "-").withStdin(
                    "link add " + veth + " type veth peer name eth0 netns " + ns + "\n"))));
            nsBatch.add(millis(() -> runner.run(Command.of("bench", "ip", "-batch", "-").withStdin(
                    "link set lo up\naddr add 10.99.0.2/24 dev eth0\nlink set eth0 up\n").inNamespace(ns))));
            nft.add(millis(() -> runner.run(Command.of("bench", "nft", "-j", "-f", "-").withStdin(
                    "{\"nftables\":[{\"add\":{\"table\":{\"family\":\"inet\",\"name\":\"" + sandbox.prefix + "x\"}}}]}"))));
            spawn.add(millis(() -> runner.run(Command.of("bench", "true"))));
            runner.run(Command.of("bench", "ip", "link", "del", veth));
            runner.run(Command.of("bench", "umount", ns.toString()));
            Files.delete(ns);
        }
        runner.run(Command.of("bench", "nft", "delete", "table", "inet", sandbox.prefix + "x"));
        System.out.println("where the time goes (each step alone):");
        report("  spawn /bin/true", spawn);
        report("  unshare --net=FILE (new namespace)", unshare);
        report("  ip -batch (veth pair into the namespace)", hostBatch);
        report("  nsenter ip -batch (lo, address, up)", nsBatch);
        report("  nft -j -f - (one small transaction)", nft);
    }

    private static double millis(Supplier<?> action) {
        long start = System.nanoTime();
        action.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        double p90 = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.9) - 1));
        System.out.printf("%-46s median %6.2f ms   p90 %6.2f ms   max %6.2f ms   (n=%d)%n", what, median, p90,
                sorted.getLast(), sorted.size());
    }
}
