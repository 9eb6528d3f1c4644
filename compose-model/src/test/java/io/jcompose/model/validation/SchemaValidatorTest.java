package io.jcompose.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaValidatorTest {
    private static final SchemaValidator VALIDATOR = SchemaValidator.load();

    private static List<String> validate(String yaml) {
        List<String> warnings = new ArrayList<>();
        VALIDATOR.validate(TestYaml.parse(yaml), warnings::add);
        return warnings;
    }

    private static ModelException rejection(String yaml) {
        return catchThrowableOfType(ModelException.class, () -> validate(yaml));
    }

    @Test
    void bundledSchemaHas93ServiceAttributesIncludingPreStart() {
        assertThat(VALIDATOR.serviceAttributes()).hasSize(93).contains("pre_start", "post_start", "pre_stop",
                "use_api_socket", "provider", "models", "label_file", "gpus");
        assertThat(VALIDATOR.topLevelKeys()).containsExactly("configs", "include", "models", "name", "networks",
                "secrets", "services", "version", "volumes");
    }

    @Test
    void fileUsingEveryTopLevelElementAndServiceAttributeValidates() throws IOException {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("all-attributes.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Node root = TestYaml.parse(yaml);

        assertThatCode(() -> VALIDATOR.validate(root, w -> { })).doesNotThrowAnyException();

        // the fixture must really cover everything, or this test proves less than it claims
        Set<String> used = new TreeSet<>();
        MapNode services = (MapNode) ((MapNode) root).get("services");
        for (Node service : services.entries().values()) {
            ((MapNode) service).keys().stream().filter(k -> !k.startsWith("x-")).forEach(used::add);
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(VALIDATOR.serviceAttributes());
        assertThat(((MapNode) root).keys()).containsAll(VALIDATOR.topLevelKeys());
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                // unknown keys, at several depths, pointing at the key itself
                Arguments.of("misspelt top-level key", """
                        servics:
                          web:
                            image: nginx
                        """, "1:1", "servics", "additional property 'servics' is not allowed",
                        "did you mean 'services'?"),
                Arguments.of("misspelt service attribute", """
                        services:
                          web:
                            imgae: nginx
                        """, "3:5", "services.web.imgae", "additional property 'imgae' is not allowed",
                        "did you mean 'image'?"),
                Arguments.of("misspelt key in a depends_on entry", """
                        services:
                          web:
                            image: nginx
                            depends_on:
                              db:
                                conditon: service_healthy
                        """, "6:9", "services.web.depends_on.db.conditon",
                        "additional property 'conditon' is not allowed", "did you mean 'condition'?"),
                Arguments.of("misspelt key in a long-syntax port (oneOf picks the mapping branch)", """
                        services:
                          web:
                            ports:
                              - target: 80
                                publised: 8080
                        """, "5:9", "services.web.ports[0].publised",
                        "additional property 'publised' is not allowed", "did you mean 'published'?"),
                Arguments.of("misspelt key four levels into a volume", """
                        services:
                          web:
                            volumes:
                              - type: bind
                                source: ./data
                                target: /data
                                bind:
                                  propogation: rshared
                        """, "8:11", "services.web.volumes[0].bind.propogation",
                        "additional property 'propogation' is not allowed", "did you mean 'propagation'?"),
                Arguments.of("unknown service attribute with no close match", """
                        services:
                          web:
                            image: nginx
                            owner: me
                        """, "4:5", "services.web.owner", "additional property 'owner' is not allowed",
                        "see the Compose Specification for the keys allowed here, or prefix it with 'x-' to keep it as an extension"),
                Arguments.of("unknown key where few keys are allowed lists them", """
                        services:
                          web:
                            healthcheck:
                              probe: curl localhost
                        """, "4:7", "services.web.healthcheck.probe", "additional property 'probe' is not allowed",
                        "valid keys here are 'disable', 'interval', 'retries', 'start_interval', 'start_period', 'test' or 'timeout'; custom data goes under a key starting with 'x-'"),
                Arguments.of("service name with a space", """
                        services:
                          my web:
                            image: nginx
                        """, "2:3", "services.my web", "'my web' is not a valid name here: it must match ^[a-zA-Z0-9._-]+$",
                        "use only letters, digits, '.', '_' and '-'"),

                // wrong types
                Arguments.of("port given as a list", """
                        services:
                          web:
                            ports:
                              - [80, 81]
                        """, "4:9", "services.web.ports[0]", "must be a number, a string or a mapping, got a list", null),
                Arguments.of("environment given as a single string", """
                        services:
                          web:
                            environment: FOO=bar
                        """, "3:18", "services.web.environment",
                        "must be a list or a mapping, got a string ('FOO=bar')", "write it as a list: [FOO=bar]"),
                Arguments.of("depends_on given as a single name", """
                        services:
                          web:
                            depends_on: db
                        """, "3:17", "services.web.depends_on", "must be a list or a mapping, got a string ('db')",
                        "write it as a list: [db]"),
                Arguments.of("a single port string is quoted in the suggested list", """
                        services:
                          web:
                            ports: "80:80"
                        """, "3:12", "services.web.ports", "must be a list, got a string ('80:80')",
                        "write it as a list: [\"80:80\"]"),
                Arguments.of("user given as a number", """
                        services:
                          web:
                            user: 1000
                        """, "3:11", "services.web.user", "must be a string, got a number (1000)",
                        "quote the value: \"1000\""),
                Arguments.of("YAML 1.1 boolean where only a boolean is allowed", """
                        services:
                          web:
                            use_api_socket: yes
                        """, "3:21", "services.web.use_api_socket", "must be a boolean, got a string ('yes')",
                        "write true (YAML 1.2 reads 'yes' as a string)"),
                Arguments.of("mapping where a scalar is expected", """
                        services:
                          web:
                            healthcheck:
                              retries:
                                max: 3
                        """, "5:9", "services.web.healthcheck.retries", "must be a number or a string, got a mapping", null),
                Arguments.of("a file that is not a mapping", """
                        - web
                        - db
                        """, "1:1", "", "a compose file must be a mapping, got a list",
                        "start the file with a top-level key such as 'services:'"),

                // enums
                Arguments.of("depends_on condition outside the enum", """
                        services:
                          web:
                            depends_on:
                              db:
                                condition: service_ready
                        """, "5:20", "services.web.depends_on.db.condition",
                        "must be one of 'service_started', 'service_healthy' or 'service_completed_successfully', got a string ('service_ready')",
                        null),
                Arguments.of("cgroup typo gets a suggestion", """
                        services:
                          web:
                            cgroup: hots
                        """, "3:13", "services.web.cgroup", "must be one of 'host' or 'private', got a string ('hots')",
                        "did you mean 'host'?"),
                Arguments.of("volume type typo", """
                        services:
                          web:
                            volumes:
                              - type: bnd
                                target: /data
                        """, "4:15", "services.web.volumes[0].type",
                        "must be one of 'bind', 'volume', 'tmpfs', 'cluster', 'npipe' or 'image', got a string ('bnd')",
                        "did you mean 'bind'?"),

                // durations
                Arguments.of("duration without a unit", """
                        services:
                          web:
                            healthcheck:
                              interval: 10
                        """, "4:17", "services.web.healthcheck.interval", "10 is not a duration: the number has no unit",
                        "write '10s' for seconds; units are ns, us, ms, s, m, h, d and w, e.g. '30s' or '1m30s'"),
                Arguments.of("duration whose last number lacks a unit", """
                        services:
                          web:
                            stop_grace_period: 1m30
                        """, "3:24", "services.web.stop_grace_period", "'1m30' is not a duration: the number has no unit",
                        "write '1m30s' for seconds; units are ns, us, ms, s, m, h, d and w, e.g. '30s' or '1m30s'"),
                Arguments.of("duration with an unknown unit", """
                        services:
                          web:
                            deploy:
                              restart_policy:
                                delay: 5sec
                        """, "5:16", "services.web.deploy.restart_policy.delay",
                        "'5sec' is not a duration: unknown unit 'sec'", "use ns, us, ms, s, m, h, d or w, e.g. '30s' or '1m30s'"),
                Arguments.of("duration that is not a number", """
                        services:
                          web:
                            healthcheck:
                              timeout: soon
                        """, "4:16", "services.web.healthcheck.timeout", "'soon' is not a duration",
                        "write a number followed by a unit, e.g. '30s' or '1m30s'"),

                // required keys
                Arguments.of("depends_on entry without a condition", """
                        services:
                          web:
                            depends_on:
                              db:
                                restart: true
                        """, "5:9", "services.web.depends_on.db", "missing required key 'condition'",
                        "add 'condition:' with one of 'service_started', 'service_healthy' or 'service_completed_successfully'"),
                Arguments.of("long-syntax volume without a type", """
                        services:
                          web:
                            volumes:
                              - source: data
                                target: /data
                        """, "4:9", "services.web.volumes[0]", "missing required key 'type'",
                        "add 'type:' with one of 'bind', 'volume', 'tmpfs', 'cluster', 'npipe' or 'image'"),
                Arguments.of("model without a model", """
                        models:
                          llm:
                            name: small
                        """, "3:5", "models.llm", "missing required key 'model'", "add 'model:'"),

                // ranges, uniqueness, patterns
                Arguments.of("oom_score_adj above its maximum", """
                        services:
                          web:
                            oom_score_adj: 2000
                        """, "3:20", "services.web.oom_score_adj", "must be at most 1000, got 2000", null),
                Arguments.of("the same port twice", """
                        services:
                          web:
                            ports:
                              - "80:80"
                              - "80:80"
                        """, "5:9", "services.web.ports[1]",
                        "duplicate entry '80:80', the same as services.web.ports[0]", "remove one of them"),
                Arguments.of("pull_policy that is no policy", """
                        services:
                          web:
                            pull_policy: sometimes
                        """, "3:18", "services.web.pull_policy",
                        "'sometimes' does not match the pattern always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejectsWithPositionPathProblemAndFix(String name, String yaml, String lineCol, String path,
                                               String problem, String fix) {
        ModelException e = rejection(yaml);

        assertThat(e).as("expected a rejection").isNotNull();
        assertThat(e.position().line() + ":" + e.position().column()).isEqualTo(lineCol);
        assertThat(e.position().file()).isEqualTo(TestYaml.FILE);
        assertThat(e.path().toString()).isEqualTo(path);
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.fix()).isEqualTo(fix);
    }

    @Test
    void messageReadsFileLineColumnPathProblemAndFix() {
        assertThatThrownBy(() -> validate("""
                services:
                  web:
                    imgae: nginx
                """)).isInstanceOf(ModelException.class).hasMessage(
                "compose.yaml:3:5 services.web.imgae: additional property 'imgae' is not allowed — did you mean 'image'?");
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("extension keys at top level, in a service and in a port", """
                        x-common: &common
                          restart: always
                        services:
                          web:
                            image: nginx
                            x-owner: team-a
                            ports:
                              - target: 80
                                x-note: public
                        """),
                Arguments.of("a GPU reservation with both driver and capabilities", """
                        services:
                          ml:
                            image: cuda
                            deploy:
                              resources:
                                reservations:
                                  devices:
                                    - driver: nvidia
                                      count: 1
                                      capabilities: [gpu]
                        """),
                Arguments.of("a !reset value is not checked", """
                        services:
                          web:
                            image: nginx
                            ports: !reset 5
                        """),
                Arguments.of("an integral float is an integer", """
                        services:
                          web:
                            image: nginx
                            scale: 2.0
                        """),
                Arguments.of("durations with every unit, a fraction and a bare zero", """
                        services:
                          web:
                            image: nginx
                            stop_grace_period: 1.5m
                            healthcheck:
                              interval: 1h2m3s4ms5us6ns
                              timeout: "0"
                              start_period: 1d
                              start_interval: 1w
                        """),
                Arguments.of("version of any type is only warned about", """
                        version: 3.8
                        services:
                          web:
                            image: nginx
                        """),
                Arguments.of("null network entries and a null command", """
                        services:
                          web:
                            image: nginx
                            command: null
                            networks:
                              front:
                        networks:
                          front:
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void accepts(String name, String yaml) {
        assertThatCode(() -> validate(yaml)).doesNotThrowAnyException();
    }

    @Test
    void obsoleteVersionIsAWarningInDockerComposeWords() {
        assertThat(validate("""
                version: "3.9"
                services:
                  web:
                    image: nginx
                """)).containsExactly("compose.yaml:1:1 version: the attribute `version` is obsolete, it will be"
                + " ignored, please remove it to avoid potential confusion");
    }

    static Stream<Arguments> ignoredKeys() {
        return Stream.of(
                Arguments.of("""
                        services:
                          web:
                            deploy:
                              placement:
                                constraints: [node.role==manager]
                        """, "compose.yaml:4:7 services.web.deploy.placement: jcompose ignores this key"
                        + " (Swarm-only: there is one host to place containers on)"),
                Arguments.of("""
                        services:
                          web:
                            deploy:
                              mode: global
                        """, "compose.yaml:4:7 services.web.deploy.mode: jcompose ignores 'global' here"
                        + " (Swarm-only: one replica per Swarm node; the service runs replicated)"),
                Arguments.of("""
                        services:
                          web:
                            isolation: hyperv
                        """, "compose.yaml:3:5 services.web.isolation: jcompose ignores this key (Windows containers only)"),
                Arguments.of("""
                        services:
                          web:
                            volumes:
                              - type: bind
                                source: .
                                target: /src
                                consistency: cached
                        """, "compose.yaml:7:9 services.web.volumes[0].consistency: jcompose ignores this key"
                        + " (Docker Desktop for Mac only)"),
                Arguments.of("""
                        services:
                          web:
                            image: nginx
                        networks:
                          front:
                            attachable: true
                        """, "compose.yaml:6:5 networks.front.attachable: jcompose ignores this key"
                        + " (Swarm-only: lets standalone containers join a Swarm network)"),
                Arguments.of("""
                        services:
                          web:
                            image: nginx
                            use_api_socket: true
                        """, "compose.yaml:4:5 services.web.use_api_socket: jcompose ignores this key"
                        + " (there is no Docker Engine API socket to mount)"));
    }

    @ParameterizedTest
    @MethodSource("ignoredKeys")
    void keysJcomposeDoesNotHonourAreWarnedAboutAtTheKey(String yaml, String warning) {
        assertThat(validate(yaml)).containsExactly(warning);
    }

    @Test
    void honouredDeploySettingsRaiseNoWarning() {
        assertThat(validate("""
                services:
                  web:
                    image: nginx
                    deploy:
                      mode: replicated
                      replicas: 2
                      resources:
                        limits: {cpus: '0.5', memory: 64M}
                      restart_policy: {condition: on-failure, max_attempts: 3}
                """)).isEmpty();
    }

    @Test
    void everyIgnoredKeyAndDurationRuleNamesAPlaceTheSchemaAllows() {
        SchemaNode root = SchemaValidator.compile(getClass().getResourceAsStream("compose-spec.json"),
                getClass().getResourceAsStream("compose-spec-additions.json")).schema();
        List<String> patterns = new ArrayList<>(IgnoredKeys.patterns());
        Durations.FIELDS.forEach(p -> patterns.add(p.toString()));
        for (String pattern : patterns) {
            assertThat(SchemaPaths.exists(root, pattern)).as(pattern).isTrue();
        }
        assertThat(SchemaPaths.exists(root, "services.*.deploy.placment")).isFalse();
    }

    @Test
    void schemaUsingAnUnsupportedKeywordFailsToLoad() {
        assertThatThrownBy(() -> SchemaValidator.compile(stream("""
                {"type": "object", "propertyNames": {"pattern": "^a"}}
                """), null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("'propertyNames'");
    }

    @Test
    void additionsDoNotOverrideWhatTheSchemaAlreadyDefines() {
        SchemaValidator v = SchemaValidator.compile(stream("""
                {"properties": {"services": {"patternProperties": {"^[a-z]+$": {"$ref": "#/definitions/service"}}}},
                 "definitions": {
                   "service": {"type": "object", "properties": {"pre_start": {"type": "string"}}},
                   "command": {}, "list_or_dict": {}}}
                """), getClass().getResourceAsStream("compose-spec-additions.json"));

        assertThatCode(() -> v.validate(TestYaml.parse("services: {web: {pre_start: now}}"), w -> { }))
                .doesNotThrowAnyException();
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
