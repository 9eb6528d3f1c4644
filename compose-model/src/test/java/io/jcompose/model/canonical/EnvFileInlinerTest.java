package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** env_file contents folded into environment, as {@code docker compose config} prints them. */
class EnvFileInlinerTest {
    private static final Map<Path, Map<String, String>> FILES = Map.of(
            Path.of("/work/dir/a.env"), ordered("A", "from-a", "SHARED", "a", "OWN", "file"),
            Path.of("/work/dir/b.env"), ordered("SHARED", "b", "UNSET", "file"));

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    private static MapNode service(MapNode project) {
        return (MapNode) ((MapNode) project.get("services")).get("s");
    }

    @Test
    void laterFilesWinAndTheServiceEnvironmentWinsOverFiles() {
        MapNode canonical = Fixtures.canonical("""
                services:
                  s:
                    image: x
                    env_file: [a.env, b.env, {path: missing.env, required: false}]
                    environment: {OWN: service, UNSET: null}
                """);
        MapNode inlined = EnvFileInliner.inline(canonical, (file, format, lookup) -> FILES.get(file), Fixtures.ENV::get);
        assertThat(service(inlined).get("env_file")).isNull();
        assertThat(service(inlined).get("environment"))
                .isEqualTo(Fixtures.json("{A: from-a, SHARED: b, OWN: service, UNSET: null}"));
    }

    @Test
    void aMissingRequiredFileIsAnError() {
        MapNode canonical = Fixtures.canonical("services: {s: {image: x, env_file: nope.env}}");
        assertThatThrownBy(() -> EnvFileInliner.inline(canonical, (file, format, lookup) -> null, k -> null))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("services.s.env_file[0]: env file /work/dir/nope.env not found");
    }

    @Test
    void filesSeeTheProjectEnvironmentThenTheServiceEnvironment() {
        MapNode canonical = Fixtures.canonical("""
                services: {s: {image: x, env_file: [{path: c.env, format: raw}], environment: {MINE: mine, SET: overridden}}}
                """);
        MapNode inlined = EnvFileInliner.inline(canonical, (file, format, lookup) ->
                        ordered("FORMAT", format, "GOT_SET", lookup.apply("SET"), "GOT_MINE", lookup.apply("MINE")),
                Fixtures.ENV::get);
        assertThat(service(inlined).get("environment")).isEqualTo(Fixtures.json(
                "{FORMAT: raw, GOT_SET: from-env, GOT_MINE: mine, MINE: mine, SET: overridden}"));
    }
}
