package io.jcompose.image.wire;

import java.util.List;
import java.util.Map;

/** An OCI content descriptor as it appears in manifests and indexes. */
public record DescriptorJson(String mediaType, String digest, Long size, List<String> urls,
                             Map<String, String> annotations, PlatformJson platform, String artifactType) {
}
