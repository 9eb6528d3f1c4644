package io.jcompose.image.catalog;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.wire.CatalogJson;
import io.jcompose.image.wire.CatalogJson.ImageJson;
import io.jcompose.image.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images of the store and the names pointing at them, kept in {@code images.json} and rewritten
 * atomically (temp file, rename) on every change. A tag names one image: giving it to another image
 * takes it from the first, which may be left dangling, as in Docker.
 */
public final class ImageCatalog {
    private final Path file;
    private final Map<Digest, ImageRecord> images = new LinkedHashMap<>();

    public ImageCatalog(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try {
                CatalogJson json = Json.read(Files.readAllBytes(file), CatalogJson.class, file.toString());
                if (json.images() != null) for (ImageJson i : json.images()) images.put(Digest.parse(i.id()), fromJson(i));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public synchronized List<ImageRecord> list() {
        return List.copyOf(images.values());
    }

    public synchronized Optional<ImageRecord> byId(Digest id) {
        return Optional.ofNullable(images.get(id));
    }

    /**
     * Finds an image by reference ({@code redis}, {@code redis:7}, {@code repo@sha256:…}), by full id
     * ({@code sha256:…}) or by a unique id prefix of at least 4 hex digits, as {@code docker image inspect} does.
     */
    public synchronized Optional<ImageRecord> find(String nameOrId) {
        String hex = nameOrId.startsWith("sha256:") ? nameOrId.substring(7) : nameOrId;
        if (hex.length() >= 4 && hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            List<ImageRecord> matches = images.values().stream().filter(r -> r.id().encoded().startsWith(hex)).toList();
            if (matches.size() > 1) {
                throw new ImageException(Kind.INVALID_ARGUMENT, "image id prefix " + nameOrId + " is ambiguous",
                        "give more digits of the id");
            }
            if (matches.size() == 1) return Optional.of(matches.getFirst());
        }
        ImageReference ref;
        try {
            ref = ImageReference.parse(nameOrId);
        } catch (ImageException e) {
            return Optional.empty();
        }
        if (ref.digest() != null) {
            String wanted = ref.repository() + "@" + ref.digest();
            return images.values().stream().filter(r -> r.repoDigests().contains(wanted)
                    || r.id().equals(ref.digest())).findFirst();
        }
        String wanted = ref.toString();
        return images.values().stream().filter(r -> r.tags().contains(wanted)).findFirst();
    }

    /** Adds or updates an image; its tags are taken from any other image that had them. */
    public synchronized ImageRecord add(ImageRecord record) {
        for (Map.Entry<Digest, ImageRecord> e : images.entrySet()) {
            if (e.getKey().equals(record.id())) continue;
            List<String> kept = new ArrayList<>(e.getValue().tags());
            if (kept.removeAll(record.tags())) e.setValue(e.getValue().withTags(kept));
        }
        ImageRecord merged = images.containsKey(record.id()) ? images.get(record.id()).merge(record) : record;
        images.put(record.id(), merged);
        save();
        return merged;
    }

    /** Removes one tag; returns the image as it is afterwards. */
    public synchronized ImageRecord untag(Digest id, String tag) {
        ImageRecord r = images.get(id);
        List<String> tags = new ArrayList<>(r.tags());
        tags.remove(tag);
        ImageRecord updated = r.withTags(tags);
        images.put(id, updated);
        save();
        return updated;
    }

    public synchronized void remove(Digest id) {
        if (images.remove(id) != null) save();
    }

    private void save() {
        List<ImageJson> out = images.values().stream().map(ImageCatalog::toJson).toList();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, Json.write(new CatalogJson(1, out)));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ImageException(Kind.INTERNAL, "cannot save the image catalog " + file + ": " + e.getMessage(),
                    "check free space and permissions", e);
        }
    }

    private static ImageJson toJson(ImageRecord r) {
        return new ImageJson(r.id().toString(), r.tags(), r.repoDigests(), r.manifest().toString(),
                r.platform().toString(), r.blobs().stream().map(Digest::toString).toList(),
                r.chainIds().stream().map(Digest::toString).toList(), r.size(), r.created());
    }

    private static ImageRecord fromJson(ImageJson j) {
        return new ImageRecord(Digest.parse(j.id()), orEmpty(j.tags()), orEmpty(j.repoDigests()),
                Digest.parse(j.manifest()), Platform.parse(j.platform()),
                orEmpty(j.blobs()).stream().map(Digest::parse).toList(),
                orEmpty(j.chainIds()).stream().map(Digest::parse).toList(), j.size() == null ? 0 : j.size(),
                j.created() == null ? "" : j.created());
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }
}
