package io.jcompose.model.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.tree.YamlPath;
import org.junit.jupiter.api.Test;

class PathRulesTest {
    private final PathRules<String> rules = PathRules.<String>builder()
            .add("services.web.labels", "specific")
            .add("services.*.labels", "any service")
            .add("services.*.networks.*.aliases", "aliases")
            .add("services.*.ports[]", "a port")
            .build();

    @Test
    void theFirstMatchingPatternWins() {
        assertThat(rules.find(YamlPath.of("services", "web", "labels"))).isEqualTo("specific");
        assertThat(rules.find(YamlPath.of("services", "db", "labels"))).isEqualTo("any service");
    }

    @Test
    void tableOrderDecidesBetweenALiteralAndAWildcardLastSegment() {
        YamlPath nofile = YamlPath.of("services", "db", "ulimits", "nofile");
        PathRules<String> literalFirst = PathRules.<String>builder()
                .add("services.*.ulimits.nofile", "nofile").add("services.*.ulimits.*", "any").build();
        PathRules<String> wildcardFirst = PathRules.<String>builder()
                .add("services.*.ulimits.*", "any").add("services.*.ulimits.nofile", "nofile").build();
        assertThat(literalFirst.find(nofile)).isEqualTo("nofile");
        assertThat(literalFirst.find(YamlPath.of("services", "db", "ulimits", "nproc"))).isEqualTo("any");
        assertThat(wildcardFirst.find(nofile)).isEqualTo("any");
        assertThat(wildcardFirst.find(YamlPath.of("services", "db", "ulimits"), "nofile")).isEqualTo("any");
    }

    @Test
    void patternsMatchWholePathsOnly() {
        assertThat(rules.find(YamlPath.of("services", "db"))).isNull();
        assertThat(rules.find(YamlPath.of("services", "db", "labels", "x"))).isNull();
        assertThat(rules.find(YamlPath.of("networks", "db", "labels"))).isNull();
        assertThat(rules.find(YamlPath.ROOT)).isNull();
    }

    @Test
    void starMatchesKeysAndBracketsMatchIndexes() {
        assertThat(rules.find(YamlPath.of("services", "db", "networks", "front", "aliases"))).isEqualTo("aliases");
        assertThat(rules.find(YamlPath.of("services", "db", "ports").index(2))).isEqualTo("a port");
        assertThat(rules.find(YamlPath.of("services", "db").index(0).key("labels"))).isNull();
        assertThat(rules.find(YamlPath.of("services", "db", "ports", "x"))).isNull();
    }

    @Test
    void reachesBelowTellsWhetherAWalkMustGoDeeper() {
        assertThat(rules.reachesBelow(YamlPath.ROOT)).isTrue();
        assertThat(rules.reachesBelow(YamlPath.of("services", "db", "networks"))).isTrue();
        assertThat(rules.reachesBelow(YamlPath.of("services", "db", "labels"))).isFalse();
        assertThat(rules.reachesBelow(YamlPath.of("services", "db", "healthcheck"))).isFalse();
        assertThat(rules.reachesBelow(YamlPath.of("volumes"))).isFalse();
    }
}
