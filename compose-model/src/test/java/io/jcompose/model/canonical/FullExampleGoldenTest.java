package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.render.ConfigRenderer;
import io.jcompose.model.tree.MapNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * compose-go's full example ({@code loader/full-example.yml}, {@code full-struct_test.go}) through
 * canonical form and both renderers. Expected files use {@code @WORKDIR@} and {@code @HOME@}; run
 * with {@code -Djcompose.golden.update=true} to rewrite them after an intended change.
 */
class FullExampleGoldenTest {
    private static final Path RESOURCES = Path.of("src/test/resources/canonical");
    private static final Path WORKDIR = Path.of("/srv/projects/full");
    private static final Path HOME = Path.of("/home/tester");

    private static MapNode canonical() throws IOException {
        MapNode project = TestYaml.parse(Files.readString(RESOURCES.resolve("full-example.yaml")));
        CanonicalContext ctx = new CanonicalContext("full_example_project_name", WORKDIR, HOME,
                k -> k.equals("QUX") ? "qux_from_environment" : null, true, new ArrayList<String>()::add);
        return Canonicalizer.canonicalize(project, ctx);
    }

    @Test
    void json() throws IOException {
        assertGolden("full-example.json", ConfigRenderer.json(canonical()));
    }

    @Test
    void yaml() throws IOException {
        assertGolden("full-example.expected.yaml", ConfigRenderer.yaml(canonical()));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = RESOURCES.resolve(name);
        if (Boolean.getBoolean("jcompose.golden.update")) {
            Files.writeString(file, actual.replace(WORKDIR.toString(), "@WORKDIR@").replace(HOME.toString(), "@HOME@"));
        }
        String expected = Files.readString(file)
                .replace("@WORKDIR@", WORKDIR.toString())
                .replace("@HOME@", HOME.toString());
        assertThat(actual).isEqualTo(expected);
    }
}
