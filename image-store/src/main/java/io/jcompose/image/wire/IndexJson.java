package io.jcompose.image.wire;

import java.util.List;
import java.util.Map;

/** An OCI image index or a Docker manifest list. */
public record IndexJson(Integer schemaVersion, String mediaType, List<DescriptorJson> manifests,
                        Map<String, String> annotations) {
}
