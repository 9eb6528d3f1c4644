package io.jcompose.image.build.layer;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.layer.ChainId;
import io.jcompose.image.layer.LayerStore;
import io.jcompose.image.layer.Trees;
import io.jcompose.image.tar.TarWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a directory a build step wrote (a snapshot's upper dir after RUN, a COPY's files) into a layer
 * of the store: its tar goes into the content store as an uncompressed OCI layer blob (its digest is the
 * diff ID; {@code image save} and every registry accept that media type), and the directory itself is
 * renamed into {@code layers/<chain>/diff}, so nothing is unpacked again. The directory must lie on the
 * store's file system (under its root).
 */
public final class LayerCommitter {
    private final ContentStore content;
    private final LayerStore layers;

    public LayerCommitter(ContentStore content, LayerStore layers) {
        this.content = content;
        this.layers = layers;
    }

    /**
     * Commits {@code dir} on top of {@code parentChainId} (null for the first layer). The directory is
     * consumed: adopted as the layer, or deleted when it was empty or the layer exists already.
     *
     * @return the layer, or empty when {@code dir} held nothing (Docker's {@code empty_layer})
     */
    public Optional<BuiltLayer> commit(Path dir, Digest parentChainId) {
        Path blob = content.newIngestFile();
        try {
            if (UpperTar.isEmpty(dir)) {
                Trees.delete(dir);
                return Optional.empty();
            }
            MessageDigest sha = Digest.newMessageDigest(Digest.SHA256);
            long size;
            try (OutputStream file = Files.newOutputStream(blob);
                 DigestOutputStream out = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), sha)) {
                UpperTar.write(dir, new TarWriter(out));
                out.flush();
            }
            size = Files.size(blob);
            Digest diffId = Digest.of(Digest.SHA256, sha);
            List<Digest> diffIds = new ArrayList<>();
            if (parentChainId != null) diffIds.add(parentChainId);
            diffIds.add(diffId);
            // the chain of a parent chain ID and one diff ID is the same as over the whole diff ID list
            Digest chainId = ChainId.of(diffIds).getLast();
            content.publish(blob, diffId);
            layers.adopt(chainId, dir);
            return Optional.of(BuiltLayer.uncompressed(diffId, chainId, size));
        } catch (IOException e) {
            throw new ImageException(Kind.INTERNAL, "cannot commit the layer in " + dir + ": " + e.getMessage(),
                    "check free space and permissions under the image store", e);
        } finally {
            try {
                Files.deleteIfExists(blob);
            } catch (IOException ignored) {
                // swept with the other abandoned ingest files at the next start
            }
        }
    }
}
