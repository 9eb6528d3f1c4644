package io.jcompose.image.manifest;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import java.util.List;
import java.util.stream.Collectors;

/** A multi-platform image: one manifest per platform. */
public record ImageIndex(String mediaType, List<Descriptor> manifests) implements ManifestDocument {
    public ImageIndex {
        manifests = List.copyOf(manifests);
    }

    /**
     * The manifest for {@code wanted}: the first entry whose platform it accepts, preferring an entry
     * without a variant when none was asked for. Attestations ({@code unknown/unknown}) never match.
     *
     * @throws ImageException NOT_FOUND listing the platforms the index has
     */
    public Descriptor select(Platform wanted, String image) {
        Descriptor fallback = null;
        for (Descriptor d : manifests) {
            if (d.platform() == null || !MediaTypes.isManifest(d.mediaType()) && !MediaTypes.isIndex(d.mediaType())) continue;
            if (!wanted.accepts(d.platform())) continue;
            if (wanted.variant().isEmpty() && !d.platform().variant().isEmpty()) {
                if (fallback == null) fallback = d;
                continue;
            }
            return d;
        }
        if (fallback != null) return fallback;
        String available = manifests.stream().filter(d -> d.platform() != null)
                .map(d -> d.platform().toString()).filter(p -> !p.startsWith("unknown/"))
                .distinct().collect(Collectors.joining(", "));
        throw new ImageException(Kind.NOT_FOUND, "image " + image + " has no manifest for platform " + wanted
                + " (it has: " + (available.isEmpty() ? "none" : available) + ")",
                "set platform: to one of the listed platforms, or use an image built for " + wanted);
    }
}
