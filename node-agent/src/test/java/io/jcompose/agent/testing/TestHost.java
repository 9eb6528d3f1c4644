package io.jcompose.agent.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.agent.host.CgroupLayout;
import io.jcompose.agent.network.NetworkSettings;
import io.jcompose.agent.syscall.Libc;
import io.jcompose.network.ipam.SubnetPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * One root-tier test run's footprint on the host: a unique prefix ({@code jt} + 6 hex) that names its
 * directory under /tmp and its cgroup parent, and a {@link #close()} that removes every runtime
 * container, monitor process, mount and cgroup carrying that prefix, even after a failure.
 */
public final class TestHost implements AutoCloseable {
    private final String prefix;
    private final Path root;

    private TestHost(String prefix, Path root) {
        this.prefix = prefix;
        this.root = root;
    }

    /** Skips the calling test unless it runs as root (CI always does). */
    public static TestHost create() {
        assumeTrue(Libc.geteuid() == 0, "root-tier test: needs uid 0");
        String prefix = "jt" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        try {
            return new TestHost(prefix, Files.createDirectories(Path.of("/tmp", prefix)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String prefix() {
        return prefix;
    }

    public Path root() {
        return root;
    }

    public Path dataRoot() {
        return root.resolve("data");
    }

    public Path runtimeDir() {
        return root.resolve("run");
    }

    public String cgroupParent() {
        return "/" + prefix;
    }

    /**
     * Network settings of this run: interfaces and the nftables table named with the prefix, an
     * address pool of its own (10.2xx.0.0/16 cut in /24s, picked from the prefix) and a resolver file
     * whose only upstream is the loopback, so no query of a test ever leaves the machine.
     */
    public NetworkSettings networkSettings() {
        Path resolv = root.resolve("resolv.conf");
        try {
            if (!Files.exists(resolv)) {
                Files.writeString(resolv, "nameserver 127.0.0.1\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int octet = 200 + Integer.parseInt(prefix.substring(2), 16) % 50;
        return NetworkSettings.DEFAULT.withPrefix(prefix).withResolvConf(resolv)
                .withPools(List.of(SubnetPool.of("10." + octet + ".0.0/16", 24)));
    }

    /** Every cgroup directory this run left, in every hierarchy. */
    public List<Path> leftoverCgroups() {
        List<Path> out = new ArrayList<>();
        for (Path mount : CgroupLayout.detect().mountPoints()) {
            Path dir = mount.resolve(prefix);
            if (Files.isDirectory(dir)) {
                out.add(dir);
            }
        }
        return out;
    }

    @Override
    public void close() {
        deleteRuntimeContainers();
        killMonitors();
        unmountUnder(root);
        removeNetworking();
        for (Path dir : leftoverCgroups()) {
            removeCgroupTree(dir);
        }
        deleteTree(root);
    }

    private void deleteRuntimeContainers() {
        for (Path stateRoot : find(root, p -> p.getFileName().toString().startsWith("runc")
                || p.getFileName().toString().startsWith("state-"))) {
            for (String runtime : List.of("/usr/sbin/runc", "/usr/bin/crun")) {
                if (!Files.isExecutable(Path.of(runtime))) {
                    continue;
                }
                try (Stream<Path> ids = Files.list(stateRoot)) {
                    for (Path id : ids.toList()) {
                        run(runtime, "--root", stateRoot.toString(), "delete", "--force", id.getFileName().toString());
                    }
                } catch (IOException e) {
                    // The state root vanished: nothing to delete.
                }
            }
        }
    }

    /** Ends only the monitor processes this run started, by the pids they recorded. */
    private void killMonitors() {
        for (Path pidFile : find(root, p -> p.getFileName().toString().endsWith(".pid"))) {
            try {
                int pid = Integer.parseInt(Files.readString(pidFile).strip());
                String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline"));
                if (cmdline.startsWith("conmon") || cmdline.contains("/conmon")) {
                    if (cmdline.contains(prefix)) {
                        Libc.kill(pid, 9);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // Gone already.
            }
        }
    }

    private static void unmountUnder(Path root) {
        try {
            List<String> targets = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] fields = line.split(" ");
                if (fields.length > 4 && fields[4].startsWith(root.toString())) {
                    targets.add(fields[4]);
                }
            }
            targets.sort(Comparator.reverseOrder());
            for (String target : targets) {
                run("umount", "-l", target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Links named with the prefix (bridges take their veths along) and the run's nftables table. */
    private void removeNetworking() {
        try {
            Process p = new ProcessBuilder("ip", "-o", "link", "show").redirectErrorStream(true).start();
            String links = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            for (String line : links.split("\n")) {
                String[] f = line.split(":\\s+");
                if (f.length > 1) {
                    String name = f[1].split("@")[0];
                    if (name.startsWith(prefix)) {
                        run("ip", "link", "del", name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        run("nft", "delete", "table", "inet", prefix);
    }

    /** cgroup directories cannot be deleted recursively: rmdir the leaves first. */
    private static void removeCgroupTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).forEach(d -> d.toFile().delete());
        } catch (IOException e) {
            // Already removed.
        }
    }

    private static List<Path> find(Path root, java.util.function.Predicate<Path> match) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root, 6)) {
            return walk.filter(match).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void run(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
