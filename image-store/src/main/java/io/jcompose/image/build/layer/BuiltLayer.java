package io.jcompose.image.build.layer;

import io.jcompose.image.digest.Digest;
import io.jcompose.image.manifest.Descriptor;
import io.jcompose.image.manifest.MediaTypes;

/**
 * One layer of an image being built.
 *
 * @param diffId  sha256 of the uncompressed layer tar
 * @param chainId the layer with everything below it: the name of its unpacked directory
 * @param blob    digest of the stored blob (equal to the diff ID: built layers are stored uncompressed)
 * @param size    the blob's bytes
 */
public record BuiltLayer(Digest diffId, Digest chainId, String mediaType, Digest blob, long size) {
    public Descriptor descriptor() {
        return Descriptor.of(mediaType, blob, size);
    }

    static BuiltLayer uncompressed(Digest diffId, Digest chainId, long size) {
        return new BuiltLayer(diffId, chainId, MediaTypes.OCI_LAYER, diffId, size);
    }
}
