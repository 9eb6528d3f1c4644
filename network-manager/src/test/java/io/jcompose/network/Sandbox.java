package io.jcompose.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.network.host.HostNamespace;
import io.jcompose.network.ipam.SubnetPool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away "host" for root-tier tests: a network namespace of its own (so forwarding sysctls,
 * foreign firewall policies and nftables tables never touch the real host), plus an "outside"
 * namespace wired to it by a veth pair on 198.18.0.0/24 (RFC 2544 benchmark space) to play another
 * machine. Everything lives under {@code /tmp/PREFIX} and carries the run's unique prefix; {@link
 * #close()} removes all of it and {@link #assertNothingLeft()} proves it.
 */
final class Sandbox implements AutoCloseable {

    static final String HOST_ADDRESS = "198.18.0.1";
    static final String OUTSIDE_ADDRESS = "198.18.0.2";

    final String prefix;
    final Path dir;
    final Path hostNetns;
    final Path outsideNetns;
    final HostNamespace host;
    private final List<Process> processes = new ArrayList<>();

    private Sandbox(String prefix) {
        this.prefix = prefix;
        this.dir = Path.of("/tmp", prefix);
        this.hostNetns = dir.resolve("host");
        this.outsideNetns = dir.resolve("outside");
        try {
            Files.createDirectories(dir);
            newNamespace(hostNetns);
            newNamespace(outsideNetns);
            inHost("ip", "link", "set", "lo", "up");
            in(outsideNetns, "ip", "link", "set", "lo", "up");
            inHost("ip", "link", "add", prefix + "u0", "type", "veth", "peer", "name", prefix + "u1", "netns", outsideNetns.toString());
            inHost("ip", "addr", "add", HOST_ADDRESS + "/24", "dev", prefix + "u0");
            inHost("ip", "link", "set", prefix + "u0", "up");
            in(outsideNetns, "ip", "addr", "add", OUTSIDE_ADDRESS + "/24", "dev", prefix + "u1");
            in(outsideNetns, "ip", "link", "set", prefix + "u1", "up");
            this.host = HostNamespace.join(hostNetns);
        } catch (RuntimeException | IOException e) {
            removeEverything();
            throw new IllegalStateException("failed to build the sandbox", e);
        }
    }

    static Sandbox create() {
        return new Sandbox("jt" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6));
    }

    /** A manager whose host is the sandbox, with its own table, state and namespace directory. */
    NetworkManagerConfig config() {
        return NetworkManagerConfig.defaults()
                .withPrefix(prefix)
                .withTable(prefix)
                .withStateDir(dir.resolve("state"))
                .withNetnsDir(dir.resolve("netns"))
                .withHost(host)
                .withPools(List.of(SubnetPool.of("10.201.0.0/16", 24), SubnetPool.of("fd6a:7465:7374::/48", 64)));
    }

    static boolean isRoot() {
        try {
            return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- commands

    static String run(String... argv) {
        return run(List.of(argv), 20);
    }

    static String run(List<String> argv, int timeoutSeconds) {
        Result r = tryRun(argv, timeoutSeconds);
        if (r.exit != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed (" + r.exit + "): " + r.stderr + r.stdout);
        }
        return r.stdout;
    }

    record Result(int exit, String stdout, String stderr) {
    }

    static Result tryRun(List<String> argv, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            java.util.concurrent.CompletableFuture<byte[]> errors = new java.util.concurrent.CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    errors.complete(p.getErrorStream().readAllBytes());
                } catch (IOException e) {
                    errors.complete(new byte[0]);
                }
            });
            java.util.concurrent.CompletableFuture<byte[]> output = new java.util.concurrent.CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    output.complete(p.getInputStream().readAllBytes());
                } catch (IOException e) {
                    output.complete(new byte[0]);
                }
            });
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                return new Result(-1, "", "timed out");
            }
            return new Result(p.exitValue(), new String(output.join(), StandardCharsets.UTF_8),
                    new String(errors.join(), StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String in(Path netns, String... argv) {
        List<String> all = new ArrayList<>(List.of("nsenter", "--net=" + netns));
        all.addAll(List.of(argv));
        return run(all, 20);
    }

    static Result tryIn(Path netns, int timeoutSeconds, String... argv) {
        List<String> all = new ArrayList<>(List.of("nsenter", "--net=" + netns));
        all.addAll(List.of(argv));
        return tryRun(all, timeoutSeconds);
    }

    String inHost(String... argv) {
        return in(hostNetns, argv);
    }

    /** Starts a long-running program inside {@code netns}; it is ended by PID in {@link #close()}. */
    Process start(Path netns, String... argv) {
        List<String> all = new ArrayList<>(List.of("nsenter", "--net=" + netns));
        all.addAll(List.of(argv));
        try {
            Process p = new ProcessBuilder(all).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            processes.add(p);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves {@code body} over HTTP on {@code port} inside {@code netns} with busybox httpd; waits until it listens. */
    Process httpServer(Path netns, int port, String body) {
        Path www = dir.resolve("www-" + port + "-" + netns.getFileName());
        try {
            Files.createDirectories(www);
            Files.writeString(www.resolve("index.html"), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Process p = start(netns, "busybox", "httpd", "-f", "-p", Integer.toString(port), "-h", www.toString());
        awaitListening(netns, port);
        return p;
    }

    static void awaitListening(Path netns, int port) {
        String hex = String.format(":%04X ", port);
        for (int i = 0; i < 200; i++) {
            String tcp = in(netns, "cat", "/proc/net/tcp", "/proc/net/tcp6");
            if (tcp.lines().anyMatch(l -> l.contains(hex) && l.split("\\s+").length > 4 && l.strip().split("\\s+")[3].equals("0A"))) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("nothing listens on port " + port + " in " + netns);
    }

    /** An HTTP GET with busybox wget from inside {@code netns}; the body, or null when it failed. */
    static String httpGet(Path netns, String hostAndPort) {
        // busybox 1.35 wget crashes with -T, so the time limit comes from coreutils' timeout
        Result r = tryIn(netns, 10, "timeout", "3", "busybox", "wget", "-q", "-O", "-", "http://" + hostAndPort + "/");
        return r.exit == 0 ? r.stdout : null;
    }

    static boolean ping(Path netns, String address) {
        return tryIn(netns, 10, "busybox", address.contains(":") ? "ping6" : "ping", "-c", "1", "-W", "2", address).exit == 0;
    }

    // ---------------------------------------------------------------- leftovers

    /** Links in the sandbox host namespace named with our prefix and made by the manager (not the sandbox's own uplink). */
    List<String> managerLinks() {
        return inHost("ip", "-o", "link", "show").lines()
                .map(l -> l.split(":\\s+")[1].split("@")[0])
                .filter(n -> n.startsWith(prefix) && !n.startsWith(prefix + "u"))
                .toList();
    }

    List<String> nftTables() {
        return inHost("nft", "list", "tables").lines().filter(l -> l.contains(prefix)).toList();
    }

    /** Namespace files mounted in the manager's directory. */
    List<String> namespaceMounts() {
        return mountsUnder("/" + prefix + "/netns").stream().filter(l -> l.contains(" - nsfs ")).toList();
    }

    /** Every mount in the manager's directory, the directory's own bind mount included. */
    List<String> mountsUnder(String fragment) {
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .filter(l -> l.contains(fragment)).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a manager made must be gone (checked while the sandbox still exists). */
    void assertManagerLeftNothing() {
        assertThat(managerLinks()).as("interfaces left in the sandbox").isEmpty();
        assertThat(nftTables()).as("nftables tables left in the sandbox").isEmpty();
        assertThat(mountsUnder("/" + prefix + "/netns")).as("mounts left in the namespace directory").isEmpty();
    }

    /** After {@link #close()}: nothing with our prefix anywhere on the real host. */
    void assertNothingLeft() {
        assertThat(run("ip", "-o", "link", "show")).doesNotContain(prefix);
        assertThat(run("nft", "list", "tables")).doesNotContain(prefix);
        try {
            assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(dir).doesNotExist();
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (host != null) {
            host.close();
        }
        removeEverything();
    }

    /** Unmounts every mount under our directory (deepest first), then deletes it. */
    private void removeEverything() {
        try {
            List<String> mounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(l -> l.split(" ")[4])
                    .filter(m -> m.startsWith(dir.toString()))
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
            for (String m : mounts) {
                tryRun(List.of("umount", "-l", m), 10);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void newNamespace(Path file) throws IOException {
        Files.createFile(file);
        run("unshare", "--net=" + file, "true");
    }
}
