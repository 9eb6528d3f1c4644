package io.jcompose.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Position;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A canonical tree of the wrong shape (validation should prevent it, but the binder stays defensive) fails with
 * one ModelException carrying the offending node's position and YAML path.
 */
class BindingErrorTest {

    /** The snippet goes under {@code services.web}, starting on line 4. */
    static Stream<Arguments> serviceErrors() {
        return Stream.of(
                Arguments.of("ports: [{target: abc}]", "services.web.ports[0].target", 4,
                        "expected a whole number, found the string \"abc\" — write digits only"),
                Arguments.of("ports: [{published: \"80\"}]", "services.web.ports[0]", 4,
                        "expected a port with a target, found a mapping — add target: <container port>"),
                Arguments.of("ports: [{target: 70000}]", "services.web.ports[0].target", 4,
                        "expected a port number from 0 to 65535, found the number 70000"),
                Arguments.of("ports: [{target: 80, protocol: icmp}]", "services.web.ports[0].protocol", 4,
                        "unknown value \"icmp\" — use one of tcp, udp, sctp"),
                Arguments.of("stop_grace_period: soon", "services.web.stop_grace_period", 4,
                        "invalid duration \"soon\" — write a duration such as 10s"),
                Arguments.of("healthcheck:\n    interval: 5", "services.web.healthcheck.interval", 5,
                        "missing unit in duration \"5\""),
                Arguments.of("mem_limit: lots", "services.web.mem_limit", 4, "invalid byte size \"lots\""),
                Arguments.of("cap_add: [ALL, [x]]", "services.web.cap_add[1]", 4,
                        "expected a string, found a sequence"),
                Arguments.of("privileged: maybe", "services.web.privileged", 4,
                        "expected a boolean, found the string \"maybe\" — write true or false"),
                Arguments.of("depends_on:\n    db:\n      condition: service_ready",
                        "services.web.depends_on.db.condition", 6,
                        "unknown value \"service_ready\" — use one of service_started, service_healthy, "
                                + "service_completed_successfully"),
                Arguments.of("environment: {A: [1]}", "services.web.environment.A", 4,
                        "expected a string, found a sequence"),
                Arguments.of("command: echo hi", "services.web.command", 4,
                        "expected a list of strings, found the string \"echo hi\""),
                Arguments.of("volumes: [\"./a:/b\"]", "services.web.volumes[0]", 4,
                        "expected a volume in long form (type, source, target)"),
                Arguments.of("volumes: [{type: nfs, target: /x}]", "services.web.volumes[0].type", 4,
                        "unknown value \"nfs\" — use one of bind, volume, tmpfs, npipe, cluster, image"),
                Arguments.of("deploy:\n    resources:\n      limits:\n        cpus: lots",
                        "services.web.deploy.resources.limits.cpus", 7, "expected a number, found the string \"lots\""),
                Arguments.of("restart: sometimes", "services.web.restart", 4,
                        "invalid restart policy \"sometimes\" — use no, always, on-failure"),
                Arguments.of("pull_policy: every_fortnight", "services.web.pull_policy", 4,
                        "invalid pull policy \"every_fortnight\""),
                Arguments.of("networks:\n    front:\n      priority: high", "services.web.networks.front.priority", 6,
                        "expected a whole number"),
                Arguments.of("build: [a]", "services.web.build", 4, "expected a mapping, found a sequence"),
                Arguments.of("ulimits: {nofile: {soft: 1}}", "services.web.ulimits.nofile", 4,
                        "expected soft and hard limits"),
                Arguments.of("secrets: [{source: s, mode: \"999\"}]", "services.web.secrets[0].mode", 4,
                        "expected a file mode, found the string \"999\""),
                Arguments.of("scale: 99999999999", "services.web.scale", 4, "expected a number that fits in 32 bits"),
                Arguments.of("extra_hosts: [nohostip]", "services.web.extra_hosts[0]", 4,
                        "invalid extra host \"nohostip\""),
                Arguments.of("devices: [\"a:b:c:d\"]", "services.web.devices[0]", 4,
                        "expected a device mapping host:container[:permissions]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("serviceErrors")
    void wrongShapesInAServiceNameTheNodeAndItsPath(String snippet, String path, int line, String message) {
        MapNode tree = YamlTrees.parse("name: demo\nservices:\n  web:\n    " + snippet.replace("\n", "\n    ") + "\n");
        assertThatThrownBy(() -> ProjectBinder.bind(tree))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.path()).hasToString(path);
                    assertThat(e.position().file()).isEqualTo("compose.yaml");
                    assertThat(e.position().line()).isEqualTo(line);
                    assertThat(e.getMessage()).startsWith("compose.yaml:" + line + ":").contains(" " + path + ": ")
                            .contains(message);
                });
    }

    static Stream<Arguments> topLevelErrors() {
        return Stream.of(
                Arguments.of("name: demo\nservices: [web]\n", "services", new Position("compose.yaml", 2, 11),
                        "expected a mapping, found a sequence"),
                Arguments.of("name: demo\nnetworks:\n  front:\n    ipam:\n      config:\n        - subnet: [x]\n",
                        "networks.front.ipam.config[0].subnet", new Position("compose.yaml", 6, 19),
                        "expected a string, found a sequence"),
                Arguments.of("name: demo\nvolumes:\n  data:\n    external: sometimes\n", "volumes.data.external",
                        new Position("compose.yaml", 4, 15), "expected a boolean"),
                Arguments.of("services: {}\n", "name", new Position("compose.yaml", 1, 1),
                        "the project has no name — set a top-level name: or pass -p NAME"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("topLevelErrors")
    void wrongShapesAtTheTopLevel(String yaml, String path, Position position, String message) {
        assertThatThrownBy(() -> ProjectBinder.bind(YamlTrees.parse(yaml)))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.path()).hasToString(path);
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void theFirstErrorInDocumentOrderWins() {
        MapNode tree = YamlTrees.parse("""
                name: demo
                services:
                  a:
                    tty: sure
                  b:
                    tty: nope
                """);
        assertThatThrownBy(() -> ProjectBinder.bind(tree)).hasMessageStartingWith("compose.yaml:4:10 services.a.tty:");
    }
}
