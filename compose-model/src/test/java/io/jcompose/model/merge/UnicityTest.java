package io.jcompose.model.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code src/test/resources/merge/unicity/cases.yaml}: enforceUnicity on a single file. */
class UnicityTest {

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = Objects.requireNonNull(UnicityTest.class.getResourceAsStream("/merge/unicity/cases.yaml"))) {
            List<Node> docs = TestYaml.parseAll("cases.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return docs.stream().map(d -> (MapNode) d)
                    .map(d -> Arguments.of(((ScalarNode) d.get("name")).text(), d.get("input"), d.get("expected")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void keepsOneEntryPerKey(String name, Node input, Node expected) {
        assertThat(Merger.enforceUnicity((MapNode) input)).isEqualTo(expected);
    }

    @Test
    void aProjectWithoutDuplicatesIsReturnedAsIs() {
        MapNode project = (MapNode) TestYaml.parse("""
                services:
                  web: {image: x, ports: ["80:80"], environment: [A=1], deploy: {resources: {limits: {cpus: "1"}}}}
                networks: {front: {labels: [a=1]}}
                """);
        assertThat(Merger.enforceUnicity(project)).isSameAs(project);
    }

    @Test
    void theWinnerKeepsItsOwnPosition() {
        MapNode project = (MapNode) TestYaml.parse("f.yaml", """
                services:
                  web:
                    environment:
                      - A=1
                      - B=2
                      - A=3
                """);
        MapNode web = (MapNode) ((MapNode) Merger.enforceUnicity(project).get("services")).get("web");
        Node first = ((io.jcompose.model.tree.SeqNode) web.get("environment")).get(0);
        assertThat(first).isEqualTo(ScalarNode.of("A=3"));
        assertThat(first.position().line()).isEqualTo(6);
    }
}
