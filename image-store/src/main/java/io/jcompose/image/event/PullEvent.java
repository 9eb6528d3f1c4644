package io.jcompose.image.event;

import io.jcompose.image.digest.Digest;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.reference.ImageReference;
import java.time.Duration;

/**
 * What a pull reports as it goes, in the order a CLI would render it (compare {@code docker pull}):
 * resolving, then per layer already-present or downloading → downloaded → extracted, then pulled.
 * The image store never prints; renderers subscribe with a {@link PullListener}.
 */
public sealed interface PullEvent {
    ImageReference image();

    record Resolving(ImageReference image) implements PullEvent {
    }

    /** The manifest for the platform is known: {@code layers} blobs make up {@code totalBytes}. */
    record Resolved(ImageReference image, Digest manifest, Platform platform, int layers, long totalBytes)
            implements PullEvent {
    }

    /** The layer is unpacked already (shared with another image): nothing to fetch. */
    record LayerAlreadyPresent(ImageReference image, Digest layer, long size) implements PullEvent {
    }

    /** Bytes of a layer received so far; sent every few hundred KiB, never per read. */
    record LayerProgress(ImageReference image, Digest layer, long bytes, long total) implements PullEvent {
    }

    record LayerDownloaded(ImageReference image, Digest layer, long size) implements PullEvent {
    }

    record LayerExtracted(ImageReference image, Digest layer, Digest chainId) implements PullEvent {
    }

    /** A request failed and is tried again after {@code delay}. */
    record Retrying(ImageReference image, String what, int attempt, Duration delay, String reason) implements PullEvent {
    }

    /** Done: {@code imageId} is the config digest, {@code manifest} the digest pulled (index or manifest). */
    record Pulled(ImageReference image, Digest imageId, Digest manifest) implements PullEvent {
    }
}
