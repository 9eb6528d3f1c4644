package io.jcompose.image.catalog;

import io.jcompose.image.digest.Digest;
import io.jcompose.image.manifest.Platform;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An image in the store. Its identity is the digest of its configuration ({@code docker images}
 * shows the first 12 hex digits as IMAGE ID); names point at it.
 *
 * @param tags        normalized references with a tag, e.g. {@code docker.io/library/redis:7}
 * @param repoDigests {@code repository@digest} of the manifest or index it was pulled by
 * @param manifest    the digest of the platform manifest
 * @param blobs       every blob the image needs: indexes, manifest, config, layers
 * @param chainIds    its unpacked layers, bottom first
 * @param size        sum of the compressed layer sizes
 */
public record ImageRecord(Digest id, List<String> tags, List<String> repoDigests, Digest manifest, Platform platform,
                          List<Digest> blobs, List<Digest> chainIds, long size, String created) {
    public ImageRecord {
        tags = List.copyOf(tags);
        repoDigests = List.copyOf(repoDigests);
        blobs = List.copyOf(blobs);
        chainIds = List.copyOf(chainIds);
    }

    /** This image with the names of {@code other} (the same image pulled again, or under another name) added. */
    public ImageRecord merge(ImageRecord other) {
        return new ImageRecord(id, union(tags, other.tags), union(repoDigests, other.repoDigests), manifest, platform,
                union(blobs, other.blobs), chainIds, size, created);
    }

    public ImageRecord withTags(List<String> newTags) {
        return new ImageRecord(id, newTags, repoDigests, manifest, platform, blobs, chainIds, size, created);
    }

    public ImageRecord withRepoDigests(List<String> newDigests) {
        return new ImageRecord(id, tags, newDigests, manifest, platform, blobs, chainIds, size, created);
    }

    /** No tag points here: {@code docker images} shows it as {@code <none>}. */
    public boolean dangling() {
        return tags.isEmpty();
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        LinkedHashSet<T> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
