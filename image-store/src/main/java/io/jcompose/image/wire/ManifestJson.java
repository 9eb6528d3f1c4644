package io.jcompose.image.wire;

import java.util.List;
import java.util.Map;

/** An OCI image manifest or a Docker schema 2 manifest: the same shape, different media types. */
public record ManifestJson(Integer schemaVersion, String mediaType, String artifactType, DescriptorJson config,
                           List<DescriptorJson> layers, DescriptorJson subject, Map<String, String> annotations) {
}
