package io.jcompose.dns.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Bridges and network namespaces for root-tier tests, made with {@code ip} and all named
 * {@code jd<6 hex>…} so that one run's objects are recognisable and never touch anyone else's.
 * {@link #close()} removes everything that was created, in reverse order, even after a failure
 * half-way.
 */
public final class Namespaces implements AutoCloseable {
    private final String prefix = "jd" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    private final List<List<String>> undo = new ArrayList<>();

    public String prefix() {
        return prefix;
    }

    /** A bridge {@code <prefix><suffix>} holding {@code gatewayCidr}, up. */
    public String bridge(String suffix, String gatewayCidr) {
        String name = prefix + suffix;
        ip("link", "add", name, "type", "bridge");
        undo.add(List.of("link", "del", name));
        ip("addr", "add", gatewayCidr, "dev", name);
        ip("link", "set", name, "up");
        return name;
    }

    /**
     * A namespace {@code <prefix><suffix>} attached to {@code bridge} by a veth pair, its end named
     * eth0 with {@code addressCidr}, and a default route through {@code gateway}.
     */
    public String container(String suffix, String bridge, String addressCidr, String gateway) {
        String namespace = prefix + suffix;
        String host = prefix + suffix + "h";
        String peer = prefix + suffix + "c";
        ip("netns", "add", namespace);
        undo.add(List.of("netns", "del", namespace));
        ip("link", "add", host, "type", "veth", "peer", "name", peer);
        undo.add(List.of("link", "del", host));
        ip("link", "set", host, "master", bridge, "up");
        ip("link", "set", peer, "netns", namespace);
        ip("-n", namespace, "link", "set", peer, "name", "eth0");
        ip("-n", namespace, "addr", "add", addressCidr, "dev", "eth0");
        ip("-n", namespace, "link", "set", "eth0", "up");
        ip("-n", namespace, "link", "set", "lo", "up");
        ip("-n", namespace, "route", "add", "default", "via", gateway);
        return namespace;
    }

    /** Runs a command inside a namespace; returns its output (stdout and stderr). */
    public static String exec(String namespace, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return run(full, true);
    }

    /** Whether some route of the host already covers {@code address} other than through the default route. */
    public static boolean routed(String address) {
        String route = run(List.of("ip", "-4", "route", "show", "match", address), true);
        return route.lines().anyMatch(line -> !line.startsWith("default"));
    }

    @Override
    public void close() {
        for (List<String> step : undo.reversed()) {
            List<String> command = new ArrayList<>(List.of("ip"));
            command.addAll(step);
            run(command, true);
        }
        undo.clear();
    }

    private static void ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        run(command, false);
    }

    private static String run(List<String> command, boolean tolerateFailure) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0 && !tolerateFailure) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
