package io.jcompose.model.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of {@code src/test/resources/merge/cases/*.yaml}: the base, then each override
 * merged over it, with unicity after each file for whole files unless the case says
 * {@code unicity: false} (the merge alone must then give the result); the result must equal {@code expected}, or the merge must
 * fail with a message containing {@code error}.
 */
class MergeGoldenTest {

    record Case(String file, String name, MapNode doc) {
        @Override
        public String toString() {
            return file + ": " + name;
        }
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(MergeGoldenTest.class.getResource("/merge/cases")).toURI());
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = file.getFileName().toString();
                for (Node doc : TestYaml.parseAll(name, Files.readString(file))) {
                    MapNode map = (MapNode) doc;
                    out.add(Arguments.of(new Case(name, ((ScalarNode) map.get("name")).text(), map)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mergesAsCompose(Case c) {
        MapNode doc = c.doc();
        YamlPath at = doc.has("at") ? YamlPath.parse(((ScalarNode) doc.get("at")).text()) : YamlPath.ROOT;
        List<Node> overrides = doc.has("overrides") ? ((SeqNode) doc.get("overrides")).items() : List.of(doc.get("override"));
        boolean unicity = at.equals(YamlPath.ROOT) && !Boolean.FALSE.equals(((ScalarNode) doc.entries()
                .getOrDefault("unicity", ScalarNode.of(true))).value());
        if (doc.has("error")) {
            assertThatThrownBy(() -> mergeAll(doc.get("base"), overrides, at, unicity))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining(((ScalarNode) doc.get("error")).text());
            return;
        }
        assertThat(mergeAll(doc.get("base"), overrides, at, unicity)).isEqualTo(doc.get("expected"));
    }

    private static Node mergeAll(Node base, List<Node> overrides, YamlPath at, boolean unicity) {
        Node result = unique(Merger.stripResetTags(base), unicity);
        for (Node override : overrides) result = unique(Merger.merge(result, override, at), unicity);
        return result;
    }

    /** Unicity after each file, as compose-go's loader does. */
    private static Node unique(Node project, boolean unicity) {
        return unicity ? Merger.enforceUnicity((MapNode) project) : project;
    }

    @Test
    void everyCaseFileHasCases() throws Exception {
        assertThat(cases().count()).isGreaterThan(150);
    }
}
