package io.jcompose.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Everything a root-tier CLI test gives the agent its commands start, so that it shares nothing with an agent
 * already running on the host: directories, cgroup parent, and — through {@code JCOMPOSE_NETWORK_PREFIX},
 * {@code JCOMPOSE_ADDRESS_POOLS}, {@code JCOMPOSE_RESOLV_CONF} — its interface prefix, nftables table, address
 * pool and upstream resolvers (loopback only). Without the network part, a test agent would take the host
 * agent's bridges for leftovers of its own and sweep them. {@link #remove()} takes away what the agent keeps
 * by design after it stops.
 *
 * @param name    {@code jt} and 6 hex digits: interface prefix, nftables table and cgroup parent
 * @param runtime the agent's runtime directory
 */
record IsolatedAgent(String name, Path runtime, Map<String, String> env) {

    static IsolatedAgent in(Path tmp) throws IOException {
        String name = "jt" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        Path runtime = tmp.resolve("run");
        Path resolv = Files.writeString(tmp.resolve("resolv.conf"), "nameserver 127.0.0.1\n");
        int octet = 200 + ThreadLocalRandom.current().nextInt(50);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JCOMPOSE_RUNTIME_DIR", runtime.toString());
        env.put("JCOMPOSE_DATA_ROOT", tmp.resolve("data").toString());
        env.put("JCOMPOSE_CGROUP_PARENT", "/" + name);
        env.put("JCOMPOSE_NETWORK_PREFIX", name);
        env.put("JCOMPOSE_ADDRESS_POOLS", "10." + octet + ".0.0/16:24");
        env.put("JCOMPOSE_RESOLV_CONF", resolv.toString());
        return new IsolatedAgent(name, runtime, Map.copyOf(env));
    }

    /** The agent's flags for the same settings, for tests that run {@code jcompose agent} themselves. */
    List<String> agentFlags() {
        return List.of("--runtime-dir", runtime.toString(), "--data-root", env.get("JCOMPOSE_DATA_ROOT"),
                "--cgroup-parent", "/" + name, "--network-prefix", name, "--address-pools",
                env.get("JCOMPOSE_ADDRESS_POOLS"), "--resolv-conf", env.get("JCOMPOSE_RESOLV_CONF"));
    }

    /** After the agent stopped: its netns directory mount, nftables table, links and cgroup directories. */
    void remove() throws IOException, InterruptedException {
        Path netns = runtime.resolve("netns");
        if (Files.readString(Path.of("/proc/self/mountinfo")).contains(" " + netns + " ")) {
            quietly("umount", "-l", netns.toString());
        }
        quietly("nft", "delete", "table", "inet", name);
        Process links = new ProcessBuilder("ip", "-o", "link", "show").redirectErrorStream(true).start();
        for (String line : new String(links.getInputStream().readAllBytes()).lines().toList()) {
            String[] fields = line.split(": ", 3);
            if (fields.length > 1 && fields[1].startsWith(name)) {
                quietly("ip", "link", "delete", fields[1].split("@")[0]);
            }
        }
        links.waitFor();
        try (var controllers = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path controller : controllers.toList()) {
                Path dir = controller.resolve(name);
                if (!Files.isDirectory(dir)) continue;
                try (var tree = Files.walk(dir)) {
                    for (Path d : tree.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(d);
                    }
                }
            }
        }
    }

    private static void quietly(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        p.waitFor(30, TimeUnit.SECONDS);
    }
}
