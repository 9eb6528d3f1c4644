package io.jcompose.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.ContainerView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * examples/servers: postgres, redis and nginx built from Debian's packages the way Docker Hub's official
 * images are (entrypoint scripts that initialise and drop to their user with gosu, VOLUME, STOPSIGNAL,
 * locale), run as compose services. Checked from inside: the database answers a query over the network by
 * service name and keeps its rows on a named volume across {@code down}/{@code up}; redis stores and returns
 * a key by name; nginx answers on its published port on 127.0.0.1; {@code stop} ends postgres with its
 * own signal and exit code 0, not by the SIGKILL after the grace period; {@code down -v} leaves nothing.
 *
 * <p>The images come from {@code examples/servers/build-images.sh}, whose cache (the Debian base and each
 * image, rebuilt only when its inputs change) is {@code examples/servers/cache} unless the system property
 * {@code jcompose.servers.cache} names another directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ServersIT {
    private static final String PROJECT = "servers";
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> IMAGES = List.of("postgres", "redis", "nginx");

    @RegisterExtension
    static final JcomposeHost host = new JcomposeHost(List.of(), root -> buildImages());

    private Stack stack;

    /** Runs the build script (debootstrap and apt-get on a first run) and returns the archives it wrote. */
    private static List<Path> buildImages() {
        Path cache = Path.of(System.getProperty("jcompose.servers.cache",
                REPO.resolve("examples/servers/cache").toString()));
        List<String> command = new ArrayList<>(List.of(REPO.resolve("examples/servers/build-images.sh").toString(),
                "--cache", cache.toString()));
        command.addAll(IMAGES);
        Commands.Result built = Commands.run(command, null, Map.of(), Duration.ofMinutes(15));
        assertThat(built.exit()).as(built.describe()).isZero();
        return IMAGES.stream().map(n -> cache.resolve("out").resolve(n + ".docker.tar")).toList();
    }

    @BeforeAll
    void copyTheExample() {
        stack = Stack.published(host, host.example("servers", PROJECT), PROJECT, "WEB_PORT");
    }

    @Test
    @Order(1)
    void theStackComesUpWithTheClientStartedAfterTheDatabaseAndCacheAreHealthy() {
        host.ok(stack.dir(), stack.env(), "up", "-d");

        List<Map<String, Object>> ps = stack.ps();
        assertThat(ps).extracting(r -> r.get("Service")).containsExactlyInAnyOrder("db", "cache", "app", "web");
        assertThat(ps).allSatisfy(r -> assertThat(r.get("State")).as(r.toString()).isEqualTo("running"));
        assertThat(Stack.row(ps, "db").get("Health")).isEqualTo("healthy");
        assertThat(Stack.row(ps, "cache").get("Health")).isEqualTo("healthy");
        assertThat(logs("app")).as("the client's own checks, by service name")
                .contains("app: database db: 1 start(s) recorded").contains("app: cache cache: 1 start(s) counted");
    }

    @Test
    @Order(2)
    void postgresAnswersOverTheNetworkByServiceNameAsTheEntrypointConfiguredIt() {
        String out = exec("app", "psql", "-v", "ON_ERROR_STOP=1", "-tA",
                "-c", "CREATE TABLE kept (v text)", "-c", "INSERT INTO kept VALUES ('survives')",
                "-c", "SELECT inet_server_addr() IS NOT NULL, current_user, current_database()");
        assertThat(out.strip().lines().toList().getLast()).as("a TCP connection to db, as POSTGRES_USER into POSTGRES_DB")
                .isEqualTo("t|postgres|shop");
        // The server runs as the image's postgres user (gosu), with its data directory its own.
        assertThat(exec("db", "bash", "-c", "ps_uid=$(awk '/^Uid:/ {print $2}' /proc/1/status); "
                + "echo $ps_uid $(stat -c '%U %a' \"$PGDATA\")").strip()).isEqualTo("999 postgres 700");
    }

    @Test
    @Order(3)
    void redisStoresAndReturnsAKeyByServiceName() {
        assertThat(exec("app", "bash", "/srv/client.sh", "redis", "SET", "greeting", "hello").strip()).isEqualTo("OK");
        assertThat(exec("app", "bash", "/srv/client.sh", "redis", "GET", "greeting").strip()).isEqualTo("hello");
        assertThat(exec("cache", "redis-cli", "-h", "cache", "GET", "greeting").strip()).isEqualTo("hello");
    }

    @Test
    @Order(4)
    void nginxAnswersOnThePublishedPortFromTheHost() {
        assertThat(stack.get("/")).contains("nginx, postgres and redis under jcompose");
        assertThat(logs("web")).as("the access log goes to the container's output through /dev/stdout")
                .contains("\"GET / HTTP/1.1\" 200");
    }

    @Test
    @Order(5)
    void stopEndsPostgresWithItsOwnStopSignalBeforeTheGracePeriodRunsOut() {
        host.ok(stack.dir(), stack.env(), "stop", "db");

        ContainerView db = host.agent().inspect(PROJECT + "-db-1");
        assertThat(db.state()).isEqualTo("exited");
        assertThat(db.exitCode()).as("0 from a clean shutdown; 137 would be the SIGKILL after the grace period").isZero();
        assertThat(logs("db")).as("SIGINT, the image's STOPSIGNAL, asks postgres for a fast shutdown")
                .contains("received fast shutdown request").contains("database system is shut down");
        host.ok(stack.dir(), stack.env(), "start", "db");
    }

    @Test
    @Order(6)
    void theDatabaseAndTheCacheKeepTheirDataAcrossDownAndUpButNotDownWithVolumes() {
        host.ok(stack.dir(), stack.env(), "down");
        host.ok(stack.dir(), stack.env(), "up", "-d");

        assertThat(exec("app", "psql", "-tAc", "SELECT v FROM kept").strip()).isEqualTo("survives");
        assertThat(exec("app", "bash", "/srv/client.sh", "redis", "GET", "greeting").strip()).isEqualTo("hello");
        assertThat(logs("db")).contains("Skipping initialization");
        assertThat(stack.get("/")).contains("nginx, postgres and redis under jcompose");

        host.ok(stack.dir(), stack.env(), "down", "-v");
        stack.assertNothingLeft();
    }

    private String exec(String service, String... command) {
        List<String> args = new ArrayList<>(List.of("-p", PROJECT, "exec", "-T", service));
        args.addAll(List.of(command));
        return host.ok(stack.dir(), stack.env(), args.toArray(String[]::new)).out();
    }

    private String logs(String service) {
        return host.ok(stack.dir(), stack.env(), "-p", PROJECT, "logs", "--no-log-prefix", service).out();
    }
}
