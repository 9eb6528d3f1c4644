package io.jcompose.model.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.canonical.CanonicalContext;
import io.jcompose.model.canonical.Canonicalizer;
import io.jcompose.model.canonical.TestYaml;
import io.jcompose.model.tree.MapNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The config hash: docker compose's digest, blind to what must not recreate a container. */
class ConfigHashTest {
    private static final String BASE = "{image: nginx, ports: ['8080:80'], environment: {A: '1'}}";

    private static MapNode service(String yaml) {
        MapNode project = Canonicalizer.canonicalize(TestYaml.parse("services:\n  s: " + yaml + "\n"),
                new CanonicalContext("demo", Path.of("/work/dir"), Path.of("/home/me"), k -> null, true, null));
        return (MapNode) ((MapNode) project.get("services")).get("s");
    }

    @Test
    void isTheSha256OfTheCompactGoJson() {
        MapNode s = service("{image: nginx}");
        assertThat(ConfigRenderer.compactService(s))
                .isEqualTo("{\"command\":null,\"entrypoint\":null,\"image\":\"nginx\",\"networks\":{\"default\":null}}");
        // sha256 of the line above, computed independently
        assertThat(ConfigHash.of(s)).isEqualTo("daef7adc9ecc59d4881bd1ebc06f26a836d35656f8b5fb0adfdb95b2d856fbd3");
    }

    @Test
    void doesNotDependOnKeyOrderOrExtensions() {
        String reordered = "{environment: {A: '1'}, ports: ['8080:80'], x-meta: {owner: me}, image: nginx}";
        assertThat(ConfigHash.of(service(reordered))).isEqualTo(ConfigHash.of(service(BASE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"build: .", "pull_policy: always", "scale: 3", "deploy: {replicas: 5}", "depends_on: [db]",
        "profiles: [debug]"})
    void ignoresWhatMustNotRecreateAContainer(String extra) {
        String withExtra = BASE.substring(0, BASE.length() - 1) + ", " + extra + "}";
        // a deploy section prints even when empty, so its baseline has one
        MapNode base = service(extra.startsWith("deploy") ? BASE.substring(0, BASE.length() - 1) + ", deploy: {}}" : BASE);
        assertThat(ConfigHash.of(service(withExtra))).isEqualTo(ConfigHash.of(base));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{image: nginx:1.27, ports: ['8080:80'], environment: {A: '1'}}",
        "{image: nginx, ports: ['8081:80'], environment: {A: '1'}}",
        "{image: nginx, ports: ['8080:80'], environment: {A: '2'}}",
        "{image: nginx, ports: ['8080:80'], environment: {A: '1'}, deploy: {resources: {limits: {memory: 1g}}}}"})
    void changesWithTheContainerConfiguration(String changed) {
        assertThat(ConfigHash.of(service(changed))).isNotEqualTo(ConfigHash.of(service(BASE)));
    }
}
