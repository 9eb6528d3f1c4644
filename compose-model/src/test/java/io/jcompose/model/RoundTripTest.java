package io.jcompose.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.project.Project;
import io.jcompose.model.project.ProjectBinder;
import io.jcompose.model.render.ConfigRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load → typed model → render with {@code config} (YAML and JSON) → load the rendering → the same model.
 * Proves the canonical form is a fixed point and that nothing is lost between the model and its output.
 */
class RoundTripTest {
    @TempDir
    Path tmp;

    static Stream<String> projects() {
        return Stream.of("roundtrip/shop.yaml", "roundtrip/short-forms.yaml");
    }

    @ParameterizedTest
    @MethodSource("projects")
    void renderingReloadsToTheSameModel(String resource) throws IOException {
        ProjectFixture p = new ProjectFixture(tmp.resolve("proj"))
                .file("compose.yaml", resource(resource))
                .file("example1.env", "FOO=foo_from_env_file\nBAZ=baz_from_env_file\n")
                .env("QUX", "qux_from_environment");
        LoadedProject first = ProjectLoader.load(p.options().withProfiles(List.of("*")));
        Project model = ProjectBinder.bind(first);

        for (String rendered : List.of(ConfigRenderer.yaml(first.canonical()), ConfigRenderer.json(first.canonical()))) {
            Path again = tmp.resolve("again-" + Math.abs(rendered.hashCode()));
            Files.createDirectories(again);
            Files.writeString(again.resolve("compose.yaml"), rendered);
            LoadedProject second = ProjectLoader.load(ProjectOptions.in(again, p.env)
                    .withProfiles(List.of("*")).withProjectName(first.name()));
            assertThat(second.canonical()).isEqualTo(first.canonical());
            assertThat(ProjectBinder.bind(second).withWorkingDir(model.workingDir())).isEqualTo(model);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RoundTripTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
