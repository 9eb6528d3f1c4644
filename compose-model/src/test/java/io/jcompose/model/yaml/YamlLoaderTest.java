package io.jcompose.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YamlLoaderTest {

    private static MapNode load(String yaml) {
        return (MapNode) YamlLoader.loadAll(yaml, "compose.yaml").getFirst();
    }

    static Stream<Arguments> scalars() {
        return Stream.of(
                Arguments.of("22:22", "22:22"),
                Arguments.of("yes", "yes"),
                Arguments.of("on", "on"),
                Arguments.of("true", true),
                Arguments.of("False", false),
                Arguments.of("0755", 493L),
                Arguments.of("0o755", 493L),
                Arguments.of("0x1F", 31L),
                Arguments.of("0b101", 5L),
                Arguments.of("-0o17", -15L),
                Arguments.of("1_000", 1000L),
                Arguments.of("'0755'", "0755"),
                Arguments.of("1.5", 1.5),
                Arguments.of("1e3", 1000.0),
                Arguments.of("~", null),
                Arguments.of("null", null),
                Arguments.of("", null),
                Arguments.of("1:30", "1:30"),
                Arguments.of("2001-12-14", "2001-12-14"),
                Arguments.of("99999999999999999999", "99999999999999999999"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("scalars")
    void scalarsResolveLikeDockerCompose(String text, Object expected) {
        MapNode root = load("v: " + text + "\n");
        assertThat(((ScalarNode) root.get("v")).value()).isEqualTo(expected);
    }

    @Test
    void mergeKeysApplyAndExplicitKeysWin() {
        MapNode root = load("""
                x-base: &base
                  image: busybox
                  restart: always
                services:
                  web:
                    <<: *base
                    restart: "no"
                  api:
                    <<: [*base]
                """);
        MapNode web = (MapNode) ((MapNode) root.get("services")).get("web");
        assertThat(web.keys()).containsExactlyInAnyOrder("image", "restart");
        assertThat(((ScalarNode) web.get("restart")).value()).isEqualTo("no");
        assertThat(((ScalarNode) web.get("image")).value()).isEqualTo("busybox");
        MapNode api = (MapNode) ((MapNode) root.get("services")).get("api");
        assertThat(((ScalarNode) api.get("restart")).value()).isEqualTo("always");
    }

    @Test
    void tagsSurvive() {
        MapNode root = load("""
                command: !reset []
                user: !override "1000"
                ports: !override
                  - 80
                env: !reset null
                """);
        assertThat(root.get("command").tag()).isEqualTo(Node.RESET);
        assertThat(root.get("command")).isInstanceOf(SeqNode.class);
        assertThat(root.get("user").tag()).isEqualTo(Node.OVERRIDE);
        assertThat(((ScalarNode) root.get("user")).value()).isEqualTo("1000");
        assertThat(root.get("ports").tag()).isEqualTo(Node.OVERRIDE);
        assertThat(((ScalarNode) root.get("env")).value()).isNull();
    }

    @Test
    void positionsAreOneBased() {
        MapNode root = load("services:\n  web:\n    image: nginx\n");
        MapNode web = (MapNode) ((MapNode) root.get("services")).get("web");
        assertThat(web.keyPosition("image").line()).isEqualTo(3);
        assertThat(web.keyPosition("image").column()).isEqualTo(5);
        assertThat(web.get("image").position().column()).isEqualTo(12);
        assertThat(web.get("image").position().file()).isEqualTo("compose.yaml");
    }

    @Test
    void duplicateKeysAreErrorsNamingBothPlaces() {
        assertThatThrownBy(() -> load("services:\n  web:\n    image: a\n    image: b\n"))
                .isInstanceOf(ModelException.class)
                .hasMessage("compose.yaml:4:5 services.web.image: duplicate key 'image' (first defined at line 3,"
                        + " column 5) — remove one of the two entries");
    }

    @Test
    void syntaxErrorsCarryPosition() {
        assertThatThrownBy(() -> load("services:\n  web:\n    image: [a\n"))
                .isInstanceOf(ModelException.class)
                .satisfies(e -> assertThat(((ModelException) e).position().line()).isGreaterThan(0))
                .hasMessageStartingWith("compose.yaml:");
    }

    @Test
    void billionLaughsFailsFast() {
        StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            y.append("]\n");
        }
        assertThatThrownBy(() -> load(y.toString())).isInstanceOf(ModelException.class)
                .hasMessageContaining("aliases");
    }

    @Test
    void multipleDocumentsAndEmptyFile() {
        assertThat(YamlLoader.loadAll("a: 1\n---\nb: 2\n", "f")).hasSize(2);
        assertThat(YamlLoader.loadAll("", "f")).isEmpty();
        assertThat(YamlLoader.loadAll("# only a comment\n", "f")).isEmpty();
    }
}
