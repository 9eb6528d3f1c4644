package io.jcompose.dns.bench;

import io.jcompose.dns.server.DnsServer;
import io.jcompose.dns.server.DnsServerOptions;
import io.jcompose.dns.view.Attachment;
import io.jcompose.dns.view.ContainerRecord;
import io.jcompose.dns.view.DnsView;
import io.jcompose.dns.view.DnsViewBuilder;
import io.jcompose.dns.view.NetworkRecord;
import io.jcompose.dns.view.Subnet;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The DNS server as bench/dns-perf.sh runs it: a synthetic project on network {@code bench_net}
 * ({@code PREFIX.0/16}), {@code services} services of {@code replicas} replicas each
 * ({@code svc-N}, containers {@code bench-svc-N-R} at {@code PREFIX.N.R}), the client's own
 * container {@code bench-client-1} at {@code PREFIX.250.250}. With {@code churn > 0}, that many
 * times a second a view with one more or one fewer container ({@code svc-0}'s extra replica) is
 * swapped in. Prints {@code ready PORT} once bound; on end of input prints the swap count and the
 * server's counters and exits.
 *
 * <p>Arguments: {@code BIND_ADDRESS PORT PREFIX SERVICES REPLICAS CHURN THREADS [UPSTREAM_HOST:PORT]}
 */
public final class BenchServer {
    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress bind = new InetSocketAddress(InetAddress.ofLiteral(args[0]), Integer.parseInt(args[1]));
        String prefix = args[2];
        int services = Integer.parseInt(args[3]);
        int replicas = Integer.parseInt(args[4]);
        int churn = Integer.parseInt(args[5]);
        int threads = Integer.parseInt(args[6]);
        List<InetSocketAddress> upstreams = new ArrayList<>();
        if (args.length > 7) {
            int colon = args[7].lastIndexOf(':');
            upstreams.add(new InetSocketAddress(InetAddress.ofLiteral(args[7].substring(0, colon)),
                    Integer.parseInt(args[7].substring(colon + 1))));
        }
        DnsView plain = view(prefix, services, replicas, upstreams, false);
        DnsView extra = view(prefix, services, replicas, upstreams, true);
        DnsServer server = DnsServer.start(bind, plain, DnsServerOptions.DEFAULT.withThreads(threads)).join();
        AtomicLong swaps = new AtomicLong();
        ScheduledExecutorService churner = Executors.newSingleThreadScheduledExecutor();
        if (churn > 0) {
            churner.scheduleAtFixedRate(() -> {
                long n = swaps.incrementAndGet();
                server.update(n % 2 == 1 ? extra : plain);
            }, 0, 1_000_000 / churn, TimeUnit.MICROSECONDS);
        }
        System.out.println("ready " + server.localAddress().getPort());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                // Waits for the script to close our input.
            }
        }
        churner.shutdownNow();
        System.out.println("swaps " + swaps.get());
        System.out.println("stats " + server.stats());
        server.close();
    }

    private static DnsView view(String prefix, int services, int replicas, List<InetSocketAddress> upstreams,
                                boolean extraReplica) {
        DnsViewBuilder builder = DnsView.builder().network(new NetworkRecord("bench_net",
                List.of(Subnet.parse(prefix + ".0.0/16")),
                List.of(InetAddress.ofLiteral(prefix + ".0.1")), false, upstreams));
        for (int s = 1; s <= services; s++) {
            for (int r = 1; r <= replicas; r++) {
                builder.container(ContainerRecord.of("bench-svc-" + s + "-" + r, "svc-" + s,
                        Attachment.of("bench_net", prefix + "." + s + "." + r)));
            }
        }
        if (extraReplica) {
            builder.container(ContainerRecord.of("bench-svc-1-" + (replicas + 1), "svc-1",
                    Attachment.of("bench_net", prefix + ".1." + (replicas + 1))));
        }
        builder.container(ContainerRecord.of("bench-client-1", "client",
                Attachment.of("bench_net", prefix + ".250.250")));
        return builder.build();
    }
}
