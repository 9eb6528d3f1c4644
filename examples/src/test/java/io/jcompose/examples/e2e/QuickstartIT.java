package io.jcompose.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.EventView;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's first command, as a user runs it: {@code jcompose up -d} of examples/quickstart (web → api →
 * cache, a published port, two networks one of them internal, a named volume, health-gated depends_on),
 * then what a user does next with it. The tests share one stack and run in order; each states what it
 * changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class QuickstartIT {
    private static final String PROJECT = "quickstart";
    private static final String TAKEN = "taken";

    @RegisterExtension
    static final JcomposeHost host = new JcomposeHost("quickstart-web", "quickstart-api", "kvstore");

    private final List<EventView> events = new CopyOnWriteArrayList<>();
    private AutoCloseable eventStream;
    private Path dir;
    private Stack stack;

    @BeforeAll
    void copyTheExampleAndWatchItsEvents() {
        dir = host.example("quickstart", PROJECT);
        stack = Stack.published(host, dir, PROJECT, "WEB_PORT");
        eventStream = host.agent().events(List.of("com.docker.compose.project=" + PROJECT), events::add);
    }

    @AfterAll
    void stopWatching() throws Exception {
        if (eventStream != null) {
            eventStream.close();
        }
    }

    @Test
    @Order(1)
    void upStartsThreeServicesThatFindEachOtherByNameBehindThePublishedPort() {
        host.ok(dir, stack.env(), "up", "-d");

        List<Map<String, Object>> ps = stack.ps();
        assertThat(ps).extracting(r -> r.get("Service")).containsExactlyInAnyOrder("web", "api", "cache");
        assertThat(ps).allSatisfy(r -> assertThat(r.get("State")).isEqualTo("running"));
        assertThat(Stack.row(ps, "api").get("Health")).isEqualTo("healthy");
        assertThat(Stack.row(ps, "cache").get("Health")).isEqualTo("healthy");
        assertThat(Stack.row(ps, "web").get("Publishers").toString()).contains("PublishedPort=" + stack.port());

        assertThat(stack.get("/")).contains("<h1>jcompose quickstart</h1>");
        // web reaches api by name (API_URL http://api:8000), api reaches cache by name (KV_ADDR cache:6379)
        // over the internal network: a count that goes up proves both lookups and both networks.
        Map<String, Object> first = stack.hits();
        assertThat(first.get("message")).isEqualTo("hello from jcompose");
        assertThat(stack.hits().get("hits")).isEqualTo(((Number) first.get("hits")).intValue() + 1);

        // What the check after down -v looks for is there while the stack runs: it cannot pass by missing it.
        Footprint f = host.footprint();
        assertThat(f.links()).as("two bridges and four veths").hasSize(6);
        assertThat(f.namespaces()).as("one namespace per container").hasSize(3);
        assertThat(f.nftProjectRules()).as("bridges and the published port in the run's table").isNotEmpty();
        assertThat(f.childCgroups()).isNotEmpty();
        assertThat(f.processes()).isNotEmpty();
        assertThat(f.mounts()).hasSizeGreaterThan(3);
    }

    @Test
    @Order(2)
    void eachServiceStartedOnlyAfterItsDependencyWasHealthy() {
        Instant cacheHealthy = stack.firstEvent(events, "cache", "health_status", "healthy");
        Instant apiStarted = stack.firstEvent(events, "api", "started", null);
        Instant apiHealthy = stack.firstEvent(events, "api", "health_status", "healthy");
        Instant webStarted = stack.firstEvent(events, "web", "started", null);
        assertThat(apiStarted).as("api starts after cache is healthy").isAfter(cacheHealthy);
        assertThat(webStarted).as("web starts after api is healthy").isAfter(apiHealthy);

        // The containers' own start times say the same.
        ContainerView api = host.agent().inspect(PROJECT + "-api-1");
        ContainerView web = host.agent().inspect(PROJECT + "-web-1");
        assertThat(Instant.parse(api.startedAt())).isAfter(cacheHealthy);
        assertThat(Instant.parse(web.startedAt())).isAfter(apiHealthy);
    }

    @Test
    @Order(3)
    void execRunsInsideAContainerWhereOnlyItsOwnNetworksNamesResolve() {
        // From inside web: api answers by name on the frontend network.
        Commands.Result fromWeb = host.ok(dir, stack.env(), "exec", "web", "wget", "-q", "-O", "-", "http://api:8000/cgi-bin/hits");
        assertThat(fromWeb.out()).contains("\"hits\":");
        // cache lives on the internal backend network only, which web is not on: its name is not even known there.
        Commands.Result cacheFromWeb = host.jcompose(dir, stack.env(), "exec", "web", "nslookup", "cache");
        assertThat(cacheFromWeb.exit()).as(cacheFromWeb.describe()).isNotZero();
        // api is on both networks: with the service's environment (KV_ADDR=cache:6379) it reaches cache by name.
        assertThat(host.ok(dir, stack.env(), "exec", "api", "kv", "PING").out().strip()).isEqualTo("PONG");
        assertThat(host.ok(dir, stack.env(), "exec", "api", "sh", "-c", "echo $KV_ADDR").out().strip()).isEqualTo("cache:6379");
        Commands.Result exit = host.jcompose(dir, stack.env(), "exec", "api", "sh", "-c", "exit 3");
        assertThat(exit.exit()).as(exit.describe()).isEqualTo(3);
    }

    @Test
    @Order(4)
    void changingOneServicesEnvironmentRecreatesThatServiceOnly() {
        Map<String, String> before = stack.ids();
        int hits = ((Number) stack.hits().get("hits")).intValue();

        host.ok(dir, stack.env("GREETING", "changed by the test"), "up", "-d");

        Map<String, String> after = stack.ids();
        assertThat(after.get("api")).as("api's environment changed").isNotEqualTo(before.get("api"));
        assertThat(after.get("web")).as("web did not change").isEqualTo(before.get("web"));
        assertThat(after.get("cache")).as("cache did not change").isEqualTo(before.get("cache"));
        // The new api is the one answering (web finds it under the same name), and cache kept counting.
        Map<String, Object> now = stack.hits();
        assertThat(now.get("message")).isEqualTo("changed by the test");
        assertThat(now.get("hits")).isEqualTo(hits + 1);
        assertThat(after.get("api")).startsWith((String) now.get("served_by"));
    }

    @Test
    @Order(5)
    void theNamedVolumeKeepsTheCountAcrossDownAndUpAndDownVolumesRemovesIt() {
        int hits = ((Number) stack.hits().get("hits")).intValue();

        host.ok(dir, stack.env(), "down");
        assertThat(host.agent().list(List.of("com.docker.compose.project=" + PROJECT))).isEmpty();
        assertThat(host.agent().volumes(List.of("com.docker.compose.project=" + PROJECT))).hasSize(1);
        host.ok(dir, stack.env(), "up", "-d");
        assertThat(stack.hits().get("hits")).as("the count survived down/up").isEqualTo(hits + 1);

        host.ok(dir, stack.env(), "down", "-v");
        stack.assertNothingLeft();

        host.ok(dir, stack.env(), "up", "-d");
        assertThat(stack.hits().get("hits")).as("down -v removed the volume: counting starts again").isEqualTo(1);
    }

    @Test
    @Order(6)
    void upRefusesAPortAnotherProcessHoldsAndNamesTheHolder() throws IOException {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Commands.Result up = upOfAnotherProjectOn(holder.getLocalPort());

            assertThat(up.exit()).as(up.describe()).isNotZero();
            assertThat(up.err()).as(up.describe()).contains("host port").contains(Integer.toString(holder.getLocalPort()))
                    .contains("already in use by").contains("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    @Order(7)
    void upWithATakenPortCreatesNothing() throws IOException {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Commands.Result up = upOfAnotherProjectOn(holder.getLocalPort());
            assertThat(up.exit()).as(up.describe()).isEqualTo(1);
            assertThat(up.err()).as("names the port and its holder: this test's JVM")
                    .contains(":" + holder.getLocalPort() + "/tcp", "(pid " + ProcessHandle.current().pid() + ")");
        }
        List<String> label = List.of("com.docker.compose.project=" + TAKEN);
        assertThat(host.agent().list(label)).as("containers of " + TAKEN).isEmpty();
        assertThat(host.agent().networks(label)).as("networks of " + TAKEN).isEmpty();
        assertThat(host.agent().volumes(label)).as("volumes of " + TAKEN).isEmpty();
    }

    @Test
    @Order(8)
    void logsFollowShowsNewLinesAsTheyComeAndEndsWhenTheContainerStops() throws Exception {
        Path output = dir.resolve("logs-f.out");
        // web's server logs one line per request. One is in its log before logs -f starts; seeing it proves the
        // stream is open, and the next request's line must then arrive on the same stream.
        stack.get("/");
        Process follow = host.start(dir, output, "logs", "-f", "--no-color", "web");
        try {
            int before = awaitLines(output, "response:200", 1).size();
            stack.get("/");
            List<String> lines = awaitLines(output, "response:200", before + 1);
            assertThat(lines).as("prefixed with the replica").allMatch(l -> l.startsWith("web-1  | "));

            host.ok(dir, stack.env(), "stop", "web");
            assertThat(follow.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("logs -f ends with its container").isTrue();
            assertThat(follow.exitValue()).isZero();
        } finally {
            follow.destroyForcibly();
        }
    }

    /** The lines of {@code file} containing {@code text}, once there are at least {@code count}; waits a bounded time. */
    private static List<String> awaitLines(Path file, String text, int count) throws IOException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (true) {
            String content = java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file) : "";
            List<String> lines = content.lines().filter(l -> l.contains(text)).toList();
            if (lines.size() >= count) {
                return lines;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " lines with " + text + " in logs -f output:\n" + content);
            }
            Stack.pause();
        }
    }

    /** {@code up -d} of the same file as project {@value #TAKEN}, its web published on {@code port}. */
    private Commands.Result upOfAnotherProjectOn(int port) {
        host.uses(TAKEN);
        return host.jcompose(dir, Map.of("WEB_PORT", Integer.toString(port)), "-p", TAKEN, "up", "-d");
    }
}
