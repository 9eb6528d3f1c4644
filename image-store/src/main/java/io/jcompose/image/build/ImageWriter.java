package io.jcompose.image.build;

import io.jcompose.image.ImageStore;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.build.layer.BuiltLayer;
import io.jcompose.image.build.state.BuildState;
import io.jcompose.image.build.state.ConfigDraft;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.manifest.Descriptor;
import io.jcompose.image.manifest.ImageManifest;
import io.jcompose.image.manifest.ManifestTranslator;
import io.jcompose.image.manifest.MediaTypes;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.wire.ImageConfigJson;
import io.jcompose.image.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a build's final state as an image: the configuration blob (its digest is the image ID), an OCI
 * manifest, and the catalog record that carries the tags. Nothing here reads a clock: a rebuild from
 * cached steps writes the same bytes and so the same image ID.
 */
final class ImageWriter {
    private final ImageStore store;

    ImageWriter(ImageStore store) {
        this.store = store;
    }

    ImageRecord write(BuildState state, Map<String, String> labels, List<String> tags) {
        ConfigDraft draft = new ConfigDraft(state.config());
        if (!labels.isEmpty()) {
            TreeMap<String, String> merged = draft.labels == null ? new TreeMap<>() : new TreeMap<>(draft.labels);
            merged.putAll(labels);
            draft.labels = merged;
        }
        ImageConfigJson json = draft.toJson();
        ImageConfigJson withRootfs = new ImageConfigJson(json.created(), json.author(), json.architecture(), json.os(),
                json.osVersion(), json.variant(), json.config(), new ImageConfigJson.RootFsJson("layers",
                state.diffIds().stream().map(Digest::toString).toList()), json.history());
        byte[] config = Json.write(withRootfs);
        Digest configDigest = store.content().put(config);
        List<Descriptor> layers = state.layers().stream().map(BuiltLayer::descriptor).toList();
        ImageManifest manifest = new ImageManifest(MediaTypes.OCI_MANIFEST,
                Descriptor.of(MediaTypes.OCI_CONFIG, configDigest, config.length), layers);
        Digest manifestDigest = store.content().put(ManifestTranslator.write(manifest));
        List<Digest> blobs = new ArrayList<>(List.of(manifestDigest, configDigest));
        layers.forEach(l -> blobs.add(l.digest()));
        List<String> names = tags.stream().map(t -> ImageReference.parse(t).toString()).distinct().toList();
        long size = layers.stream().mapToLong(Descriptor::size).sum();
        Platform platform = new Platform(json.os(), json.architecture(), json.variant() == null ? "" : json.variant());
        return store.record(new ImageRecord(configDigest, names, List.of(), manifestDigest, platform, blobs,
                state.chainIds(), size, json.created() == null ? "" : json.created()));
    }
}
