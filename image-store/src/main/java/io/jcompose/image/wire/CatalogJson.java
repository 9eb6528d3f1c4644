package io.jcompose.image.wire;

import java.util.List;

/** {@code images.json}: the images the store holds, by id, with their names. */
public record CatalogJson(Integer version, List<ImageJson> images) {
    public record ImageJson(String id, List<String> tags, List<String> repoDigests, String manifest, String platform,
                            List<String> blobs, List<String> chainIds, Long size, String created) {
    }
}
