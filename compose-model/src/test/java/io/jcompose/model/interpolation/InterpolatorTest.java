package io.jcompose.model.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InterpolatorTest {
    private static final String FILE = "compose.yaml";
    private static final Map<String, String> ENV = Map.of("USER", "jenny", "FOO", "bar", "P", "80", "YES", "yes",
            "EMPTY", "");
    private static final Function<String, String> LOOKUP = ENV::get;

    private final List<String> warnings = new ArrayList<>();

    private static ScalarNode scalar(Object value, int line) {
        return ScalarNode.of(value, new Position(FILE, line, 10));
    }

    /** A mapping from alternating keys and values; each key sits on the line of its value, column 3. */
    private static MapNode map(int line, Object... keysAndValues) {
        MapNode.Builder b = MapNode.builder(new Position(FILE, line, 1));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Node value = (Node) keysAndValues[i + 1];
            b.put((String) keysAndValues[i], value, new Position(FILE, value.position().line(), 3));
        }
        return b.build();
    }

    private static SeqNode seq(int line, Node... items) {
        return SeqNode.of(List.of(items), new Position(FILE, line, 5));
    }

    /** services.web.&lt;path&gt; = value, built from a dotted path with [n] for sequence items. */
    private static Node service(String path, Object value) {
        Node node = scalar(value, 42);
        List<String> segments = YamlPath.parse("services.web." + path).segments();
        for (int i = segments.size() - 1; i >= 0; i--) {
            String s = segments.get(i);
            node = s.startsWith("[") ? seq(40, node) : map(40, s, node);
        }
        return node;
    }

    private Node interpolate(Node root) {
        return Interpolator.interpolate(root, LOOKUP, warnings::add);
    }

    private static Object valueAt(Node root, String path) {
        Node node = root;
        for (String s : YamlPath.parse(path).segments()) {
            node = s.startsWith("[")
                    ? ((SeqNode) node).get(Integer.parseInt(s.substring(1, s.length() - 1)))
                    : ((MapNode) node).get(s);
        }
        return ((ScalarNode) node).value();
    }

    @Test
    void substitutesEveryStringValueButNoKey() {
        MapNode root = map(1, "services", map(2,
                "servicea", map(3,
                        "image", scalar("example:${USER}", 4),
                        "volumes", seq(5, scalar("$FOO:/target", 5)),
                        "logging", map(6,
                                "driver", scalar("${FOO}", 7),
                                "options", map(8, "user", scalar("$USER", 9), "${FOO}", scalar("key", 10))))));

        Node result = interpolate(root);

        assertThat(valueAt(result, "services.servicea.image")).isEqualTo("example:jenny");
        assertThat(valueAt(result, "services.servicea.volumes[0]")).isEqualTo("bar:/target");
        assertThat(valueAt(result, "services.servicea.logging.driver")).isEqualTo("bar");
        assertThat(valueAt(result, "services.servicea.logging.options.user")).isEqualTo("jenny");
        assertThat(valueAt(result, "services.servicea.logging.options.${FOO}")).isEqualTo("key");
        assertThat(warnings).isEmpty();
    }

    @Test
    void keepsPositionsTagsKeyPositionsAndOrder() {
        MapNode inner = map(3, "z", scalar("$FOO", 3), "a", scalar("plain", 4), "m", scalar(7L, 5));
        MapNode root = map(1, "x-top", inner.withTag(Node.OVERRIDE),
                "list", new SeqNode(List.of(scalar("${USER}", 8), scalar("b", 9)), new Position(FILE, 7, 3), Node.RESET));

        MapNode result = (MapNode) interpolate(root);
        MapNode top = (MapNode) result.get("x-top");
        SeqNode list = (SeqNode) result.get("list");

        assertThat(result.keys()).containsExactly("x-top", "list");
        assertThat(top.keys()).containsExactly("z", "a", "m");
        assertThat(top.tag()).isEqualTo(Node.OVERRIDE);
        assertThat(top.position()).isEqualTo(new Position(FILE, 3, 1));
        assertThat(top.keyPosition("z")).isEqualTo(new Position(FILE, 3, 3));
        assertThat(top.get("z").position()).isEqualTo(new Position(FILE, 3, 10));
        assertThat(((ScalarNode) top.get("z")).value()).isEqualTo("bar");
        assertThat(top.get("a")).isSameAs(inner.get("a"));
        assertThat(top.get("m")).isSameAs(inner.get("m"));
        assertThat(list.tag()).isEqualTo(Node.RESET);
        assertThat(list.position()).isEqualTo(new Position(FILE, 7, 3));
        assertThat(list.items()).extracting(n -> ((ScalarNode) n).value()).containsExactly("jenny", "b");
        assertThat(list.get(1)).isSameAs(((SeqNode) root.get("list")).get(1));
    }

    @Test
    void returnsTheSameTreeWhenNothingChanges() {
        MapNode root = map(1, "services", map(2, "web", map(3,
                "image", scalar("nginx", 3),
                "ports", seq(4, scalar("8080:80", 4)),
                "cpus", scalar(0.5, 5),
                "command", seq(6, scalar("echo", 6), scalar("a $ b", 7)))));
        assertThat(interpolate(root)).isSameAs(root);
    }

    @Test
    void leavesTaggedScalarsWithoutReferencesAlone() {
        ScalarNode reset = new ScalarNode("", new Position(FILE, 3, 10), Node.RESET);
        MapNode root = (MapNode) service("privileged", "x");
        MapNode web = (MapNode) ((MapNode) root.get("services")).get("web");
        MapNode withReset = root.with("services", ((MapNode) root.get("services")).with("web", web.with("privileged", reset)));
        assertThat(interpolate(withReset)).isSameAs(withReset);
    }

    static Stream<Arguments> casts() {
        return Stream.of(
                Arguments.of("ports[0].target", "${P}", 80L),
                Arguments.of("ports[0].target", "8080", 8080L),
                Arguments.of("ports[0].published", "${P}", "80"),
                Arguments.of("deploy.replicas", "+3", 3L),
                Arguments.of("deploy.update_config.parallelism", "2", 2L),
                Arguments.of("deploy.update_config.max_failure_ratio", "0.25", 0.25),
                Arguments.of("deploy.rollback_config.max_failure_ratio", "1e-1", 0.1),
                Arguments.of("deploy.restart_policy.max_attempts", "5", 5L),
                Arguments.of("deploy.placement.max_replicas_per_node", "1", 1L),
                Arguments.of("healthcheck.retries", "${P}", 80L),
                Arguments.of("healthcheck.disable", "true", true),
                Arguments.of("cpus", "0.5", 0.5),
                Arguments.of("cpus", "2", 2.0),
                Arguments.of("cpu_percent", "50", 50.0),
                Arguments.of("cpu_shares", "-512", -512L),
                Arguments.of("cpu_count", "2", 2L),
                Arguments.of("cpu_period", "100000", 100000L),
                Arguments.of("cpu_quota", "50000", 50000L),
                Arguments.of("cpu_rt_period", "1", 1L),
                Arguments.of("cpu_rt_runtime", "1", 1L),
                Arguments.of("oom_score_adj", "-500", -500L),
                Arguments.of("pids_limit", "100", 100L),
                Arguments.of("scale", "3", 3L),
                Arguments.of("ulimits.nproc", "65535", 65535L),
                Arguments.of("ulimits.nofile.soft", "1024", 1024L),
                Arguments.of("ulimits.nofile.hard", "4096", 4096L),
                Arguments.of("privileged", "false", false),
                Arguments.of("privileged", "TRUE", true),
                Arguments.of("init", "true", true),
                Arguments.of("read_only", "false", false),
                Arguments.of("stdin_open", "true", true),
                Arguments.of("tty", "true", true),
                Arguments.of("oom_kill_disable", "false", false),
                Arguments.of("volumes[0].read_only", "true", true),
                Arguments.of("volumes[0].volume.nocopy", "true", true),
                Arguments.of("depends_on.db.required", "false", false),
                Arguments.of("depends_on.db.restart", "true", true),
                // not typed fields: strings stay strings
                Arguments.of("image", "80", "80"),
                Arguments.of("environment.PORT", "${P}", "80"),
                Arguments.of("labels.privileged", "yes", "yes"),
                Arguments.of("secrets[0].mode", "0440", "0440"),
                Arguments.of("ulimits.nofile.other", "1", "1"));
    }

    @ParameterizedTest
    @MethodSource("casts")
    void castsTypedServiceFields(String path, String written, Object expected) {
        Node result = interpolate(service(path, written));
        assertThat(valueAt(result, "services.web." + path)).isEqualTo(expected);
        assertThat(warnings).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("topLevelCasts")
    void castsTypedTopLevelFields(String path, String written, Object expected) {
        List<String> segments = YamlPath.parse(path).segments();
        Node node = scalar(written, 9);
        for (int i = segments.size() - 1; i >= 0; i--) node = map(9, segments.get(i), node);
        assertThat(valueAt(interpolate(node), path)).isEqualTo(expected);
    }

    static Stream<Arguments> topLevelCasts() {
        return Stream.of(
                Arguments.of("networks.front.external", "true", true),
                Arguments.of("networks.front.internal", "false", false),
                Arguments.of("networks.front.attachable", "true", true),
                Arguments.of("networks.front.enable_ipv4", "true", true),
                Arguments.of("networks.front.enable_ipv6", "false", false),
                Arguments.of("volumes.data.external", "true", true),
                Arguments.of("secrets.token.external", "true", true),
                Arguments.of("configs.app.external", "false", false),
                Arguments.of("networks.front.name", "true", "true"),
                Arguments.of("x-custom.a.external", "true", "true"));
    }

    @Test
    void acceptsYaml11BooleansWithAWarning() {
        Node result = interpolate(service("privileged", "yes"));
        assertThat(valueAt(result, "services.web.privileged")).isEqualTo(true);
        assertThat(warnings).containsExactly(
                "compose.yaml:42:10 services.web.privileged: \"yes\" for boolean is not supported by YAML 1.2,"
                        + " please use `true`");

        warnings.clear();
        result = interpolate(service("tty", "${NOPE:-Off}"));
        assertThat(valueAt(result, "services.web.tty")).isEqualTo(false);
        assertThat(warnings).containsExactly(
                "compose.yaml:42:10 services.web.tty: \"Off\" for boolean is not supported by YAML 1.2,"
                        + " please use `false`");
    }

    @Test
    void leavesValuesThatAreAlreadyTypedAlone() {
        Node root = service("ports[0].target", 80L);
        assertThat(interpolate(root)).isSameAs(root);
        Node flag = service("privileged", true);
        assertThat(interpolate(flag)).isSameAs(flag);
    }

    static Stream<Arguments> castFailures() {
        return Stream.of(
                Arguments.of("cpus", "${EMPTY}", "\"\" is not a number"),
                Arguments.of("cpus", "half", "\"half\" is not a number"),
                Arguments.of("ports[0].target", "80 ", "\"80 \" is not an integer"),
                Arguments.of("ports[0].target", "8_0", "\"8_0\" is not an integer"),
                Arguments.of("deploy.replicas", "1.5", "\"1.5\" is not an integer"),
                Arguments.of("pids_limit", "99999999999999999999", "is not an integer in range"),
                Arguments.of("privileged", "maybe", "\"maybe\" is not a boolean"));
    }

    @ParameterizedTest
    @MethodSource("castFailures")
    void reportsValuesThatCannotBeCast(String path, String written, String problem) {
        assertThatThrownBy(() -> interpolate(service(path, written)))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.position()).isEqualTo(new Position(FILE, 42, 10));
                    assertThat(e.path()).hasToString("services.web." + path);
                    assertThat(e.problem()).startsWith("failed to cast to expected type: ").contains(problem);
                    assertThat(e.fix()).isNotBlank();
                });
    }

    @Test
    void reportsMalformedTemplatesWithPositionAndPath() {
        assertThatThrownBy(() -> interpolate(service("volumes[0]", "${ FOO}:/data")))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.position()).isEqualTo(new Position(FILE, 42, 10));
                    assertThat(e.path()).hasToString("services.web.volumes[0]");
                    assertThat(e.getMessage()).isEqualTo("compose.yaml:42:10 services.web.volumes[0]: invalid"
                            + " interpolation format for \"${ FOO}:/data\" — " + e.fix());
                });
    }

    @Test
    void reportsMissingRequiredVariablesWithTheUsersMessage() {
        Node root = map(1, "services", map(2, "web", map(3, "environment", map(4,
                "TESTVAR", scalar("{{{ ${NOPE:?set NOPE in .env} }}}", 5)))));
        assertThatThrownBy(() -> interpolate(root))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.position()).isEqualTo(new Position(FILE, 5, 10));
                    assertThat(e.path()).hasToString("services.web.environment.TESTVAR");
                    assertThat(e.problem()).isEqualTo("required variable NOPE is missing a value: set NOPE in .env");
                });
    }

    @Test
    void reportsUnsetVariablesThroughTheSink() {
        Node root = map(1, "services", map(2, "web", map(3,
                "image", scalar("$NOPE", 3),
                "command", seq(4, scalar("${NOPE}", 4), scalar("${OTHER:-x}", 5)))));
        Interpolator.interpolate(root, LOOKUP, Interpolator.distinct(warnings::add));
        Interpolator.interpolate(root, LOOKUP, Interpolator.distinct(warnings::add));
        assertThat(warnings).containsExactly(
                "The \"NOPE\" variable is not set. Defaulting to a blank string.",
                "The \"NOPE\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void distinctPassesEachTextOnce() {
        var sink = Interpolator.distinct(warnings::add);
        sink.accept("a");
        sink.accept("b");
        sink.accept("a");
        assertThat(warnings).containsExactly("a", "b");
    }

    @Test
    void listsVariablesOfAWholeTree() {
        Node root = map(1,
                "services", map(2, "web", map(3,
                        "image", scalar("${REGISTRY:-docker.io}/app:$TAG", 3),
                        "environment", seq(4, scalar("A=${TAG:?tag needed}", 4)),
                        "${KEY}", scalar("value", 5))),
                "x-port", scalar(8080L, 6));
        assertThat(Interpolator.variables(root)).containsExactly(
                new Template.Variable("REGISTRY", "docker.io", "", false),
                new Template.Variable("TAG", "", "", true));
    }
}
