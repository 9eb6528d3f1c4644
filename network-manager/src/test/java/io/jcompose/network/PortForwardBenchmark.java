package io.jcompose.network;

import com.sun.net.httpserver.HttpServer;
import io.jcompose.network.host.HostNamespace;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests per second through a published port (kernel DNAT) against the same server reached
 * directly at the container's address, with wrk from the sandbox host (run by
 * {@code bench/port-forward.sh}). Rounds alternate between the two paths so that load from other
 * processes hits both alike. Two servers: busybox httpd (one process per connection, so wrk
 * reconnects for every request) and a keep-alive HTTP server opened inside the container's
 * namespace, where the per-request cost of the forwarding path is what is measured.
 */
public final class PortForwardBenchmark {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    private PortForwardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (Sandbox sandbox = Sandbox.create(); NetworkManager manager = NetworkManager.open(sandbox.config())) {
            try {
                manager.create(NetworkSpec.of("bench"));
                Attachment busybox = manager.attach(AttachRequest.of(ContainerId.of("busybox"),
                                NetworkMode.bridge(EndpointSpec.of("bench")))
                        .withPorts(new PortOwner("bench", "busybox"), List.of(PortMapping.tcp(8080, 80))));
                sandbox.httpServer(busybox.netns().orElseThrow(), 80, "hello\n");
                Attachment java = manager.attach(AttachRequest.of(ContainerId.of("keepalive"),
                                NetworkMode.bridge(EndpointSpec.of("bench")))
                        .withPorts(new PortOwner("bench", "keepalive"), List.of(PortMapping.tcp(8081, 80))));
                try (HostNamespace inContainer = HostNamespace.join(java.netns().orElseThrow())) {
                    HttpServer server = inContainer.call(() -> HttpServer.create(new InetSocketAddress(80), 256));
                    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
                    byte[] body = "hello\n".getBytes(StandardCharsets.US_ASCII);
                    server.createContext("/", exchange -> {
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    });
                    server.start();
                    try {
                        compare(sandbox, "busybox httpd (connection per request)", "127.0.0.1:8080",
                                address(busybox) + ":80", seconds, rounds);
                        compare(sandbox, "keep-alive server", "127.0.0.1:8081", address(java) + ":80", seconds, rounds);
                    } finally {
                        server.stop(0);
                    }
                }
            } finally {
                manager.removeAll();
            }
        }
    }

    private static String address(Attachment a) {
        return a.endpoints().getFirst().ipv4().orElseThrow().address().toString();
    }

    private static void compare(Sandbox sandbox, String name, String published, String direct, int seconds, int rounds)
            throws IOException {
        wrk(sandbox, published, 2);
        wrk(sandbox, direct, 2);
        List<Double> viaPort = new ArrayList<>();
        List<Double> viaAddress = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            viaPort.add(wrk(sandbox, published, seconds));
            viaAddress.add(wrk(sandbox, direct, seconds));
        }
        double port = median(viaPort);
        double addr = median(viaAddress);
        System.out.printf("%s (median of %d alternating runs)%n  published port %-22s %10.0f req/s  %s%n"
                        + "  container address %-19s %10.0f req/s  %s%n  published / direct = %.1f %%%n",
                name, rounds, published, port, viaPort, direct, addr, viaAddress, 100 * port / addr);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double wrk(Sandbox sandbox, String target, int seconds) throws IOException {
        String out = Sandbox.in(sandbox.hostNetns, "wrk", "-t", "1", "-c", "16", "-d", seconds + "s", "http://" + target + "/");
        Matcher m = RPS.matcher(out);
        if (!m.find()) {
            throw new IOException("wrk printed no rate for " + target + ":\n" + out);
        }
        return Math.round(Double.parseDouble(m.group(1)));
    }
}
