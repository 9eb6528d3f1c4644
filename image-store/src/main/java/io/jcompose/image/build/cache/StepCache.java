package io.jcompose.image.build.cache;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.build.layer.BuiltLayer;
import io.jcompose.image.build.state.BuildState;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.layer.LayerStore;
import io.jcompose.image.wire.ImageConfigJson;
import io.jcompose.image.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The result of every build step, by {@link CacheKey}: one small JSON file per step under
 * {@code <store>/build-cache/<key>.json}, written to a temp file and renamed. An entry is a hit only while
 * every layer it names is still unpacked and its blob stored (a prune may have removed them); a damaged
 * file is a miss too, never an error: the step simply runs again and rewrites it.
 */
public final class StepCache {
    private static final long MAX_ENTRY_BYTES = 4L << 20;

    private final Path dir;
    private final LayerStore layers;
    private final ContentStore content;

    public StepCache(Path dir, LayerStore layers, ContentStore content) {
        this.dir = dir;
        this.layers = layers;
        this.content = content;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ImageException(Kind.INTERNAL, "cannot create the build cache " + dir + ": " + e.getMessage(),
                    "check permissions under the image store", e);
        }
    }

    /** The state stored under {@code key}, when it is there and all its layers are still present. */
    public Optional<BuildState> get(String key) {
        Path file = dir.resolve(key + ".json");
        EntryJson entry;
        try {
            if (Files.size(file) > MAX_ENTRY_BYTES) return Optional.empty();
            entry = Json.read(Files.readAllBytes(file), EntryJson.class, file.toString());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | ImageException e) {
            return Optional.empty();
        }
        if (entry.layers() == null || entry.config() == null || !key.equals(entry.key())) return Optional.empty();
        List<BuiltLayer> built = new ArrayList<>();
        for (LayerJson l : entry.layers()) {
            BuiltLayer layer;
            try {
                layer = new BuiltLayer(Digest.parse(l.diffId()), Digest.parse(l.chainId()), l.mediaType(),
                        Digest.parse(l.blob()), l.size());
            } catch (ImageException e) {
                return Optional.empty();
            }
            if (!layers.contains(layer.chainId()) || !content.contains(layer.blob())) return Optional.empty();
            built.add(layer);
        }
        return Optional.of(new BuildState(key, built, entry.config()));
    }

    /** Records {@code state} under its key, replacing what was there. */
    public void put(BuildState state) {
        List<LayerJson> out = state.layers().stream().map(l -> new LayerJson(l.diffId().toString(),
                l.chainId().toString(), l.mediaType(), l.blob().toString(), l.size())).toList();
        Path tmp = dir.resolve(".tmp-" + UUID.randomUUID());
        try {
            Files.write(tmp, Json.write(new EntryJson(1, state.key(), out, state.config())));
            Files.move(tmp, dir.resolve(state.key() + ".json"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ImageException(Kind.INTERNAL, "cannot write the build cache entry " + state.key() + ": "
                    + e.getMessage(), "check free space under the image store", e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover temp file is never read
            }
        }
    }

    /** One cache file. */
    public record EntryJson(int version, String key, List<LayerJson> layers, ImageConfigJson config) {
    }

    public record LayerJson(String diffId, String chainId, String mediaType, String blob, long size) {
    }
}
