package io.jcompose.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
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
 * {@code up --scale}: a service without a fixed host port scaled to three replicas, which its name resolves
 * to from inside a container, then back to one (the highest numbers go, replica 1 stays as it was); one-off
 * containers of {@code run --rm}; then {@code down -v} leaves nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ScaleIT {
    private static final String PROJECT = "scale";
    private static final String COMPOSE = """
            name: scale
            services:
              app:
                image: jcompose.local/busybox:1
                command: ["httpd", "-f", "-p", "8080", "-h", "/"]
                stop_signal: SIGKILL
            """;

    @RegisterExtension
    static final JcomposeHost host = new JcomposeHost("busybox");

    private Stack stack;
    private String firstReplica;

    @BeforeAll
    void writeTheComposeFile() {
        Path dir = host.composeFile(PROJECT, COMPOSE);
        stack = new Stack(host, dir, PROJECT);
    }

    @Test
    @Order(1)
    void scalingUpRunsThreeReplicasThatTheServiceNameResolvesTo() {
        host.ok(stack.dir(), stack.env(), "up", "-d", "--scale", "app=3");

        List<Map<String, Object>> ps = stack.ps();
        assertThat(ps).extracting(r -> r.get("Name")).containsExactly("scale-app-1", "scale-app-2", "scale-app-3");
        assertThat(ps).allSatisfy(r -> assertThat(r.get("State")).isEqualTo("running"));
        firstReplica = (String) ps.getFirst().get("ID");

        assertThat(resolvedFromInside(3, "app")).containsExactlyInAnyOrderElementsOf(addresses());
    }

    @Test
    @Order(2)
    void scalingDownRemovesTheHighestReplicasAndKeepsTheFirst() {
        host.ok(stack.dir(), stack.env(), "up", "-d", "--scale", "app=1");

        List<Map<String, Object>> ps = stack.ps();
        assertThat(ps).extracting(r -> r.get("Name")).containsExactly("scale-app-1");
        assertThat(ps.getFirst().get("ID")).isEqualTo(firstReplica);
        assertThat(host.agent().list(List.of("com.docker.compose.project=" + PROJECT))).hasSize(1);
        assertThat(resolvedFromInside(1, "app")).containsExactlyElementsOf(addresses());
    }

    @Test
    @Order(3)
    void runRemovesItsOneOffContainerAndPassesOnItsOutputAndExitCode() {
        List<String> oneOffs = List.of("com.docker.compose.project=" + PROJECT, "com.docker.compose.oneoff=True");

        Commands.Result hello = host.ok(stack.dir(), stack.env(), "run", "--rm", "app", "echo", "hello from a one-off");
        assertThat(hello.out()).contains("hello from a one-off");
        // A one-off is on the project's network: the service's name resolves there (to replica 1, the one running).
        Commands.Result lookup = host.ok(stack.dir(), stack.env(), "run", "--rm", "app", "nslookup", "app");
        assertThat(lookup.out().substring(lookup.out().indexOf("Name:"))).contains(addresses().getFirst());
        Commands.Result failing = host.jcompose(stack.dir(), stack.env(), "run", "--rm", "app", "sh", "-c", "exit 7");
        assertThat(failing.exit()).as(failing.describe()).isEqualTo(7);

        assertThat(host.agent().list(oneOffs)).as("--rm removed every one-off").isEmpty();
        assertThat(stack.ps()).extracting(r -> r.get("Name")).containsExactly("scale-app-1");
    }

    @Test
    @Order(4)
    void downWithVolumesLeavesNothingOfTheProject() {
        host.ok(stack.dir(), stack.env(), "down", "-v");
        stack.assertNothingLeft();
    }

    /** The IPv4 addresses of the project's running containers, as the agent attached them. */
    private List<String> addresses() {
        return host.agent().list(List.of("com.docker.compose.project=" + PROJECT)).stream()
                .flatMap(c -> c.networks().values().stream()).map(e -> e.ipv4Address()).toList();
    }

    /** {@code jcompose exec --index N app nslookup NAME}: the IPv4 addresses the container's resolver answered. */
    private List<String> resolvedFromInside(int replica, String name) {
        Commands.Result r = host.ok(stack.dir(), stack.env(), "exec", "--index", Integer.toString(replica), "app", "nslookup", name);
        String answer = r.out().substring(r.out().indexOf("Name:"));
        return Arrays.stream(answer.split("\n")).filter(l -> l.startsWith("Address:"))
                .map(l -> l.substring("Address:".length()).strip()).filter(a -> a.indexOf(':') < 0).toList();
    }
}
