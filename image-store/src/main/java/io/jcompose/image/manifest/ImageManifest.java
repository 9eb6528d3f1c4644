package io.jcompose.image.manifest;

import java.util.List;

/** One platform's image: its configuration blob and its layers, bottom first. */
public record ImageManifest(String mediaType, Descriptor config, List<Descriptor> layers) implements ManifestDocument {
    public ImageManifest {
        layers = List.copyOf(layers);
    }
}
