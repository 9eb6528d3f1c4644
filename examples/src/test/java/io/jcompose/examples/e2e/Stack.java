package io.jcompose.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.EventView;
import io.jcompose.agent.api.v1.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One compose project of a test: where its file is, the variables its commands get, and what a test asks
 * of it — {@code ps --format json} rows, HTTP through its published port, and the check that nothing of it
 * remains.
 */
record Stack(JcomposeHost host, Path dir, String project, Map<String, String> baseEnv, int port) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration HTTP_PATIENCE = Duration.ofSeconds(20);

    /** A project published on no fixed host port. */
    Stack(JcomposeHost host, Path dir, String project) {
        this(host, dir, project, Map.of(), 0);
    }

    /** A project whose compose file publishes on {@code ${variable}}: a port free on 127.0.0.1 now. */
    static Stack published(JcomposeHost host, Path dir, String project, String variable) {
        int port = JcomposeHost.freePort();
        return new Stack(host, dir, project, Map.of(variable, Integer.toString(port)), port);
    }

    Map<String, String> env() {
        return baseEnv;
    }

    /** The base variables plus {@code name=value}. */
    Map<String, String> env(String name, String value) {
        Map<String, String> all = new HashMap<>(baseEnv);
        all.put(name, value);
        return all;
    }

    /** {@code jcompose -p PROJECT ps -a --format json}, one map per container. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> ps() {
        Commands.Result r = host.ok(dir, baseEnv, "-p", project, "ps", "-a", "--format", "json");
        return Arrays.stream(r.out().split("\n")).filter(l -> !l.isBlank())
                .map(l -> (Map<String, Object>) WireJson.read(l, Map.class)).toList();
    }

    /** The ps row of {@code service}'s only container. */
    static Map<String, Object> row(List<Map<String, Object>> ps, String service) {
        List<Map<String, Object>> rows = ps.stream().filter(r -> service.equals(r.get("Service"))).toList();
        assertThat(rows).as("containers of " + service).hasSize(1);
        return rows.getFirst();
    }

    /** Container id by service, for services with one container. */
    Map<String, String> ids() {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map<String, Object> r : ps()) {
            assertThat(ids.put((String) r.get("Service"), (String) r.get("ID"))).as("one container per service").isNull();
        }
        return ids;
    }

    /**
     * GET {@code path} on 127.0.0.1:{@link #port()}, expecting 200; a started container's server may need a moment
     * to listen, so a refused connection or another status is retried for a bounded time.
     */
    String get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)), 200);
    }

    /**
     * POST {@code body} to {@code path} once (a POST is not repeated: it would add twice), expecting a 2xx;
     * the stack is up and answering GETs when a test posts.
     */
    String post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("POST " + path + ": " + response.body()).isBetween(200, 299);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("POST " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String send(HttpRequest.Builder request, int expected) {
        HttpRequest built = request.timeout(Duration.ofSeconds(5)).build();
        URI uri = built.uri();
        long deadline = System.nanoTime() + HTTP_PATIENCE.toNanos();
        String last = "no answer";
        while (true) {
            try {
                HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == expected) {
                    return response.body();
                }
                last = "status " + response.statusCode() + ": " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(built.method() + " " + uri + " did not answer " + expected + " within " + HTTP_PATIENCE + ": " + last);
            }
            pause();
        }
    }

    /** The quickstart's visit counter: {@code {"message":…,"hits":N,"served_by":…}}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> hits() {
        return WireJson.read(get("/cgi-bin/api/hits"), Map.class);
    }

    /**
     * When {@code service}'s first container first had event {@code type} (with {@code status}, when given);
     * events arrive on their own stream, so a missing one is awaited for a bounded time.
     */
    Instant firstEvent(List<EventView> events, String service, String type, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            var first = events.stream()
                    .filter(e -> e.labels() != null && project.equals(e.labels().get("com.docker.compose.project"))
                            && service.equals(e.labels().get("com.docker.compose.service")))
                    .filter(e -> type.equals(e.type()) && (status == null || status.equals(e.status())))
                    .map(e -> Instant.parse(e.time())).min(Instant::compareTo);
            if (first.isPresent()) {
                return first.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + type + " " + (status == null ? "" : status) + " event of " + service
                        + " among " + events);
            }
            pause();
        }
    }

    /**
     * After {@code down -v}: no container, volume or network of the project in the agent, and on the host no
     * bridge, veth, namespace, container mount, nftables element or rule, cgroup or process of the run (the
     * class's agent serves this project alone at that moment).
     */
    void assertNothingLeft() {
        List<String> label = List.of("com.docker.compose.project=" + project);
        assertThat(host.agent().list(label)).as("containers").isEmpty();
        assertThat(host.agent().volumes(label)).as("volumes").isEmpty();
        assertThat(host.agent().networks(label)).as("networks").isEmpty();
        Footprint f = host.footprint();
        assertThat(f.links()).as("bridges and veths").isEmpty();
        assertThat(f.namespaces()).as("network namespaces").isEmpty();
        assertThat(f.mounts()).as("mounts").allMatch(m -> m.equals(f.agentMount()));
        assertThat(f.nftProjectRules()).as("nftables elements and rules").isEmpty();
        assertThat(f.childCgroups()).as("container cgroups").isEmpty();
        assertThat(f.processes()).as("container processes").isEmpty();
        assertThat(f.monitors()).as("monitor processes").isEmpty();
    }

    /** The wait between two polls: short, since every poll is bounded by a deadline. */
    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
