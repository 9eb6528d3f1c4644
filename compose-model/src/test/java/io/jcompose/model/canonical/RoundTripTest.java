package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.render.ConfigRenderer;
import io.jcompose.model.tree.MapNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The canonical form is a fixed point: printed as YAML, read back and canonicalized again, it is
 * unchanged. This is what makes {@code config} output a valid compose file meaning the same thing.
 */
class RoundTripTest {

    private static MapNode again(MapNode canonical, CanonicalContext ctx) {
        // the printed YAML escapes $ for interpolation; the real loader would turn $$ back into $
        String yaml = ConfigRenderer.yaml(canonical).replace("$$", "$");
        return Canonicalizer.canonicalize(TestYaml.parse(yaml), ctx);
    }

    @Test
    void fullExample() throws IOException {
        MapNode project = TestYaml.parse(Files.readString(Path.of("src/test/resources/canonical/full-example.yaml")));
        CanonicalContext ctx = Fixtures.context(new ArrayList<>());
        MapNode canonical = Canonicalizer.canonicalize(project, ctx);
        assertThat(again(canonical, ctx)).isEqualTo(canonical);
    }

    static Stream<Arguments> services() {
        return ServiceAttributesTest.rules().map(a -> Arguments.of(a.get()[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyAttributeRule(String service) {
        CanonicalContext ctx = Fixtures.context(new ArrayList<>());
        MapNode canonical = Canonicalizer.canonicalize(TestYaml.parse("services:\n  s: " + service + "\n"), ctx);
        assertThat(again(canonical, ctx)).isEqualTo(canonical);
    }
}
