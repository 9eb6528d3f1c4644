package io.jcompose.image.build.state;

import io.jcompose.image.build.layer.BuiltLayer;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.wire.ImageConfigJson;
import java.util.ArrayList;
import java.util.List;

/**
 * What a build has made after a step: the image's layers, bottom first, and its configuration (history
 * and creation time included; {@code rootfs} is filled in when the image is written). {@code key} names
 * the state in the step cache: a digest over the parent's key and the step, so equal keys mean equal
 * inputs.
 */
public record BuildState(String key, List<BuiltLayer> layers, ImageConfigJson config) {
    public BuildState {
        layers = List.copyOf(layers);
    }

    public List<Digest> chainIds() {
        return layers.stream().map(BuiltLayer::chainId).toList();
    }

    public List<Digest> diffIds() {
        return layers.stream().map(BuiltLayer::diffId).toList();
    }

    /** The top layer's chain ID, or null when there are no layers yet. */
    public Digest topChainId() {
        return layers.isEmpty() ? null : layers.getLast().chainId();
    }

    public BuildState withKey(String newKey) {
        return new BuildState(newKey, layers, config);
    }

    public BuildState withConfig(ImageConfigJson newConfig) {
        return new BuildState(key, layers, newConfig);
    }

    public BuildState withLayer(BuiltLayer layer) {
        List<BuiltLayer> more = new ArrayList<>(layers);
        more.add(layer);
        return new BuildState(key, more, config);
    }
}
