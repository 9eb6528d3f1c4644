package io.jcompose.image.manifest;

/** What a manifest endpoint or an archive returns: a single-platform manifest or an index of them. */
public sealed interface ManifestDocument permits ImageManifest, ImageIndex {
    String mediaType();
}
