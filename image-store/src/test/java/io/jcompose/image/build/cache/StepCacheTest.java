package io.jcompose.image.build.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.build.layer.BuiltLayer;
import io.jcompose.image.build.layer.LayerCommitter;
import io.jcompose.image.build.state.BuildState;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.layer.LayerApplier;
import io.jcompose.image.layer.LayerStore;
import io.jcompose.image.wire.ImageConfigJson;
import io.jcompose.image.wire.ImageConfigJson.HistoryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepCacheTest {
    @TempDir
    Path root;
    ContentStore content;
    LayerStore layers;
    StepCache cache;
    BuiltLayer layer;

    @BeforeEach
    void store() throws IOException {
        content = new ContentStore(root);
        layers = new LayerStore(root, new LayerApplier(ApplyOptions.defaults()));
        cache = new StepCache(root.resolve("build-cache"), layers, content);
        Path dir = Files.createDirectories(root.resolve("work"));
        Files.writeString(dir.resolve("hello"), "hi\n");
        layer = new LayerCommitter(content, layers).commit(dir, null).orElseThrow();
    }

    private static ImageConfigJson config(String created) {
        return new ImageConfigJson(created, null, "amd64", "linux", null, null, null, null,
                List.of(new HistoryJson(created, "COPY hello /", null, null, null)));
    }

    @Test
    void aStoredStateIsReadBackUnderItsKey() {
        String key = CacheKey.of("parent", List.of("COPY hello /", "sha256:files"));
        BuildState state = new BuildState(key, List.of(layer), config("2024-01-02T03:04:05Z"));

        cache.put(state);

        assertThat(cache.get(key)).contains(state);
    }

    @Test
    void anyChangedInputIsAnotherKeyAndMisses() {
        String key = CacheKey.of("parent", List.of("COPY hello /", "sha256:files"));
        cache.put(new BuildState(key, List.of(layer), config("2024-01-02T03:04:05Z")));

        assertThat(cache.get(CacheKey.of("parent", List.of("COPY hello /", "sha256:other")))).isEmpty();
        assertThat(cache.get(CacheKey.of("other-parent", List.of("COPY hello /", "sha256:files")))).isEmpty();
        assertThat(CacheKey.of("p", List.of("ab", "c"))).isNotEqualTo(CacheKey.of("p", List.of("a", "bc")));
    }

    @Test
    void anEntryWhoseLayerWasRemovedMisses() {
        String key = CacheKey.of("parent", List.of("RUN make"));
        cache.put(new BuildState(key, List.of(layer), config("2024-01-02T03:04:05Z")));

        layers.remove(layer.chainId());

        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    void anEntryWhoseBlobWasRemovedMisses() {
        String key = CacheKey.of("parent", List.of("RUN make"));
        cache.put(new BuildState(key, List.of(layer), config("2024-01-02T03:04:05Z")));

        content.delete(layer.blob());

        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    void aDamagedEntryMissesAndIsReplacedByTheNextPut() throws IOException {
        String key = CacheKey.of("parent", List.of("RUN make"));
        Files.writeString(root.resolve("build-cache").resolve(key + ".json"), "{not json");

        assertThat(cache.get(key)).isEmpty();
        BuildState state = new BuildState(key, List.of(), config("2024-01-02T03:04:05Z"));
        cache.put(state);
        assertThat(cache.get(key)).contains(state);
    }
}
