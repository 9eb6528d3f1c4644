package io.jcompose.model.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import org.junit.jupiter.api.Test;

/** What the golden cases cannot show: positions, error details, tags at the top, purity. */
class MergerTest {
    private static final Node BASE = TestYaml.parse("compose.yaml", """
            services:
              web:
                image: app:1
                environment:
                  A: "1"
                ports:
                  - "8080:80"
                deploy:
                  replicas: 2
            """);
    private static final Node OVERRIDE = TestYaml.parse("compose.override.yaml", """
            services:
              web:
                image: app:2
                environment:
                  B: "2"
                ports:
                  - "9090:90"
              db:
                image: postgres
            """);

    private static MapNode service(Node project, String name) {
        return (MapNode) ((MapNode) ((MapNode) project).get("services")).get(name);
    }

    @Test
    void aReplacedValueKeepsThePositionWhereTheOverrideWroteIt() {
        MapNode web = service(Merger.merge(BASE, OVERRIDE, YamlPath.ROOT), "web");
        assertThat(web.get("image").position()).isEqualTo(new Position("compose.override.yaml", 3, 12));
        assertThat(web.keyPosition("image")).isEqualTo(new Position("compose.override.yaml", 3, 5));
    }

    @Test
    void untouchedAndAddedValuesKeepTheirOwnPositions() {
        Node merged = Merger.merge(BASE, OVERRIDE, YamlPath.ROOT);
        MapNode web = service(merged, "web");
        assertThat(web.get("deploy").position().file()).isEqualTo("compose.yaml");
        assertThat(service(merged, "db").position()).isEqualTo(new Position("compose.override.yaml", 9, 5));
        SeqNode ports = (SeqNode) web.get("ports");
        assertThat(ports.get(0).position()).isEqualTo(new Position("compose.yaml", 7, 9));
        assertThat(ports.get(1).position()).isEqualTo(new Position("compose.override.yaml", 7, 9));
    }

    @Test
    void entriesMadeFromAMappingPointAtTheirKeys() {
        SeqNode env = (SeqNode) service(Merger.merge(BASE, OVERRIDE, YamlPath.ROOT), "web").get("environment");
        assertThat(env.items()).containsExactly(ScalarNode.of("A=1"), ScalarNode.of("B=2"));
        assertThat(env.get(0).position()).isEqualTo(new Position("compose.yaml", 5, 7));
        assertThat(env.get(1).position()).isEqualTo(new Position("compose.override.yaml", 5, 7));
    }

    @Test
    void mergingLeavesItsInputsUnchanged() {
        Node base = TestYaml.parse("services: {web: {image: a, dns: [1.1.1.1]}}");
        Node override = TestYaml.parse("services: {web: {image: b, dns: [8.8.8.8], labels: {x: !reset }}}");
        Node baseCopy = TestYaml.parse("services: {web: {image: a, dns: [1.1.1.1]}}");
        Node overrideCopy = TestYaml.parse("services: {web: {image: b, dns: [8.8.8.8], labels: {x: !reset }}}");
        Merger.merge(base, override, YamlPath.ROOT);
        assertThat(base).isEqualTo(baseCopy);
        assertThat(override).isEqualTo(overrideCopy);
    }

    @Test
    void kindsThatCannotMergeFailAtTheOverrideWithPathAndFix() {
        Node base = TestYaml.parse("compose.yaml", """
                services:
                  web:
                    environment: [A=1]
                    deploy:
                      replicas: 2
                """);
        Node override = TestYaml.parse("override.yaml", """
                services:
                  web:
                    deploy:
                      - replicas
                """);
        ModelException e = catchThrowableOfType(ModelException.class,
                () -> Merger.merge(base, override, YamlPath.ROOT));
        assertThat(e.position()).isEqualTo(new Position("override.yaml", 4, 7));
        assertThat(e.path()).isEqualTo(YamlPath.of("services", "web", "deploy"));
        assertThat(e.getMessage()).isEqualTo("override.yaml:4:7 services.web.deploy: cannot merge a sequence over"
                + " a mapping defined earlier at compose.yaml:5:7 — write a mapping here as the earlier definition"
                + " does, or tag this value !override to replace the earlier one");
    }

    @Test
    void aBadListEntryIsReportedAtTheEntry() {
        Node base = TestYaml.parse("compose.yaml", "services: {web: {depends_on: [db]}}");
        Node override = TestYaml.parse("override.yaml", "services: {web: {depends_on: [db, 5]}}");
        ModelException e = catchThrowableOfType(ModelException.class,
                () -> Merger.merge(base, override, YamlPath.ROOT));
        assertThat(e.position()).isEqualTo(new Position("override.yaml", 1, 35));
        assertThat(e.path()).isEqualTo(YamlPath.of("services", "web", "depends_on").index(1));
        assertThat(e.fix()).contains("mapping form");
    }

    @Test
    void theExtendsPathSelectsServiceRules() {
        Node base = TestYaml.parse("{image: x, command: [a, b], cap_add: [A]}");
        Node local = TestYaml.parse("{command: [c], cap_add: [B]}");
        Node merged = Merger.merge(base, local, YamlPath.of("services", "web"));
        assertThat(merged).isEqualTo(TestYaml.parse("{image: x, command: [c], cap_add: [A, B]}"));
    }

    @Test
    void tagsOnTheOverrideItself() {
        Node base = TestYaml.parse("{image: x, command: [a]}");
        assertThat(Merger.merge(base, TestYaml.parse("!override {image: y}"), YamlPath.of("services", "web")))
                .isEqualTo(TestYaml.parse("{image: y}"));
        Node reset = Merger.merge(base, TestYaml.parse("!reset {image: y}"), YamlPath.of("services", "web"));
        assertThat(reset).isInstanceOfSatisfying(ScalarNode.class, s -> assertThat(s.isNull()).isTrue());
    }

    @Test
    void tagsLeftInTheBaseAreCleanedFirst() {
        Node base = TestYaml.parse("services: {web: {image: x, command: !reset [a], dns: !override [1.1.1.1]}}");
        Node override = TestYaml.parse("services: {web: {dns: [8.8.8.8]}}");
        assertThat(Merger.merge(base, override, YamlPath.ROOT))
                .isEqualTo(TestYaml.parse("services: {web: {image: x, dns: [1.1.1.1, 8.8.8.8]}}"));
    }

    @Test
    void stripResetTagsTreatsTheFirstFileAsHavingNothingBeneathIt() {
        Node file = TestYaml.parse("""
                services:
                  web:
                    image: x
                    command: !reset [echo]
                    environment: !override {A: "1"}
                    dns: [!reset 1.1.1.1, 8.8.8.8, !override 9.9.9.9]
                    build: !reset
                """);
        Node stripped = Merger.stripResetTags(file);
        assertThat(stripped).isEqualTo(TestYaml.parse("""
                services:
                  web:
                    image: x
                    environment: {A: "1"}
                    dns: [8.8.8.8, 9.9.9.9]
                """));
        assertThat(service(stripped, "web").get("environment").tag()).isNull();
    }

    @Test
    void stripResetTagsReturnsAnUntaggedTreeAsIs() {
        Node file = TestYaml.parse("services: {web: {image: x, dns: [1.1.1.1], deploy: {replicas: 1}}}");
        assertThat(Merger.stripResetTags(file)).isSameAs(file);
    }
}
