package io.jcompose.image.build;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageStore;
import io.jcompose.image.build.cache.CacheKey;
import io.jcompose.image.build.layer.BuiltLayer;
import io.jcompose.image.build.state.BuildState;
import io.jcompose.image.build.state.ConfigDraft;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.config.ImageConfig;
import io.jcompose.image.event.PullListener;
import io.jcompose.image.manifest.Descriptor;
import io.jcompose.image.manifest.ImageManifest;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.wire.ImageConfigJson;
import io.jcompose.image.wire.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state an image given by name or ID starts a stage with: a local image, pulled when absent or when
 * the request asks to pull (once per build per name); {@code scratch} is the empty image.
 */
final class BaseResolver {
    private static final long MAX_CONFIG_BYTES = 8L << 20;

    private final ImageStore store;
    private final boolean pull;
    private final Map<String, BuildState> resolved = new HashMap<>();

    BaseResolver(ImageStore store, boolean pull) {
        this.store = store;
        this.pull = pull;
    }

    static BuildState scratch() {
        return new BuildState(CacheKey.of("", List.of("scratch", "linux/amd64")), List.of(),
                ConfigDraft.scratch("linux", "amd64"));
    }

    BuildState image(String name) {
        BuildState known = resolved.get(name);
        if (known != null) return known;
        ImageRecord record;
        try {
            Optional<ImageRecord> local = pull ? Optional.empty() : store.find(name);
            record = local.isPresent() ? local.get()
                    : store.pull(ImageReference.parse(name), Platform.LINUX_AMD64, PullListener.NONE);
        } catch (ImageException e) {
            throw new BuildException("FROM " + name + ": " + e.problem(), e.fix());
        }
        ImageManifest manifest = store.manifest(record);
        ImageConfig parsed = store.config(record);
        List<BuiltLayer> layers = new ArrayList<>();
        for (int i = 0; i < manifest.layers().size(); i++) {
            Descriptor d = manifest.layers().get(i);
            layers.add(new BuiltLayer(parsed.diffIds().get(i), record.chainIds().get(i), d.mediaType(), d.digest(), d.size()));
        }
        ImageConfigJson config = Json.read(store.content().read(record.id(), MAX_CONFIG_BYTES), ImageConfigJson.class,
                "config of " + name);
        BuildState state = new BuildState(CacheKey.of("", List.of("image", record.id().toString())), layers,
                new ImageConfigJson(config.created(), config.author(), config.architecture(), config.os(),
                        config.osVersion(), config.variant(), config.config(), null, config.history()));
        resolved.put(name, state);
        return state;
    }
}
