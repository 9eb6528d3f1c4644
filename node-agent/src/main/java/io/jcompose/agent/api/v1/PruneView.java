package io.jcompose.agent.api.v1;

import java.util.List;

/**
 * What {@code POST /v1/images/prune} removed.
 *
 * @param imagesDeleted ids of the images removed
 * @param blobsDeleted  content-store blobs removed (manifests, configs, layers)
 * @param layersDeleted unpacked layers removed
 */
public record PruneView(List<String> imagesDeleted, int blobsDeleted, int layersDeleted) {
}
