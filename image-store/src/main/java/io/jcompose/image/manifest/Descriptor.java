package io.jcompose.image.manifest;

import io.jcompose.image.digest.Digest;
import java.util.List;
import java.util.Map;

/**
 * Points at content: its media type, digest and size; index entries add a platform.
 *
 * @param platform null unless this is an entry of an index
 */
public record Descriptor(String mediaType, Digest digest, long size, Platform platform, List<String> urls,
                         Map<String, String> annotations) {
    public Descriptor {
        urls = urls == null ? List.of() : List.copyOf(urls);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public static Descriptor of(String mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest, size, null, List.of(), Map.of());
    }

    public Descriptor withPlatform(Platform newPlatform) {
        return new Descriptor(mediaType, digest, size, newPlatform, urls, annotations);
    }
}
