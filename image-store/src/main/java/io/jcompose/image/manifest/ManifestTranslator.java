package io.jcompose.image.manifest;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.wire.DescriptorJson;
import io.jcompose.image.wire.IndexJson;
import io.jcompose.image.wire.Json;
import io.jcompose.image.wire.ManifestJson;
import io.jcompose.image.wire.PlatformJson;
import java.util.ArrayList;
import java.util.List;

/** Between manifest and index JSON (OCI and Docker schema 2) and the domain records. */
public final class ManifestTranslator {
    private ManifestTranslator() {
    }

    /**
     * Parses a manifest or index. The media type comes from the document itself, else from the HTTP
     * {@code Content-Type}, else from its shape.
     *
     * @param contentType the Content-Type header, or null
     * @param what        names the document in errors (e.g. "manifest of redis:7")
     */
    public static ManifestDocument parse(byte[] bytes, String contentType, String what) {
        ManifestJson probe = Json.read(bytes, ManifestJson.class, what);
        String mediaType = probe.mediaType() != null ? probe.mediaType() : stripParameters(contentType);
        if (mediaType == null || mediaType.isEmpty() || mediaType.equals("application/json")) {
            mediaType = probe.config() != null ? MediaTypes.OCI_MANIFEST : MediaTypes.OCI_INDEX;
        }
        if (mediaType.equals(MediaTypes.DOCKER_SCHEMA1) || mediaType.equals(MediaTypes.DOCKER_SCHEMA1_SIGNED)
                || probe.schemaVersion() != null && probe.schemaVersion() == 1) {
            throw new ImageException(Kind.INVALID_ARGUMENT, what + " uses Docker schema 1, which is deprecated and unsupported",
                    "push the image again with a current Docker or buildkit, which write schema 2 / OCI manifests");
        }
        if (MediaTypes.isIndex(mediaType)) {
            IndexJson index = Json.read(bytes, IndexJson.class, what);
            List<Descriptor> entries = new ArrayList<>();
            for (DescriptorJson d : index.manifests() == null ? List.<DescriptorJson>of() : index.manifests()) {
                entries.add(descriptor(d, what));
            }
            return new ImageIndex(mediaType, entries);
        }
        if (MediaTypes.isManifest(mediaType)) {
            if (probe.config() == null) throw malformed(what, "it has no config descriptor");
            List<Descriptor> layers = new ArrayList<>();
            for (DescriptorJson d : probe.layers() == null ? List.<DescriptorJson>of() : probe.layers()) {
                layers.add(descriptor(d, what));
            }
            return new ImageManifest(mediaType, descriptor(probe.config(), what), layers);
        }
        throw new ImageException(Kind.INVALID_ARGUMENT, what + " has media type " + mediaType
                + ", which is not an image", "check that the reference names a container image, not another artifact");
    }

    /** The JSON of {@code manifest}, as pushed to a registry or written to an archive. */
    public static byte[] write(ImageManifest manifest) {
        List<DescriptorJson> layers = manifest.layers().stream().map(ManifestTranslator::json).toList();
        return Json.write(new ManifestJson(2, manifest.mediaType(), null, json(manifest.config()), layers, null, null));
    }

    public static byte[] write(ImageIndex index) {
        return Json.write(new IndexJson(2, index.mediaType(),
                index.manifests().stream().map(ManifestTranslator::json).toList(), null));
    }

    static DescriptorJson json(Descriptor d) {
        PlatformJson platform = d.platform() == null ? null : new PlatformJson(d.platform().architecture(),
                d.platform().os(), null, null, d.platform().variant().isEmpty() ? null : d.platform().variant(), null);
        return new DescriptorJson(d.mediaType(), d.digest().toString(), d.size(), d.urls().isEmpty() ? null : d.urls(),
                d.annotations().isEmpty() ? null : d.annotations(), platform, null);
    }

    private static Descriptor descriptor(DescriptorJson d, String what) {
        if (d.digest() == null || d.size() == null || d.size() < 0) {
            throw malformed(what, "a descriptor lacks its digest or size");
        }
        Platform platform = d.platform() == null ? null
                : new Platform(d.platform().os(), d.platform().architecture(), d.platform().variant());
        return new Descriptor(d.mediaType() == null ? "" : d.mediaType(), Digest.parse(d.digest()), d.size(),
                platform, d.urls(), d.annotations());
    }

    private static ImageException malformed(String what, String problem) {
        return new ImageException(Kind.INVALID_ARGUMENT, what + " is malformed: " + problem,
                "the registry or archive returned a damaged document; retry, or report it to its owner");
    }

    private static String stripParameters(String contentType) {
        if (contentType == null) return null;
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }
}
