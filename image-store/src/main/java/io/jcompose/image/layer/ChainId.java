package io.jcompose.image.layer;

import io.jcompose.image.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chain IDs name a layer together with everything below it (OCI image spec): the first is the first
 * diff ID, each next one is {@code sha256(parentChainId + " " + diffId)}. Two images share an unpacked
 * layer exactly when they share its chain ID.
 */
public final class ChainId {
    private ChainId() {
    }

    public static List<Digest> of(List<Digest> diffIds) {
        List<Digest> chain = new ArrayList<>(diffIds.size());
        Digest parent = null;
        for (Digest diffId : diffIds) {
            parent = parent == null ? diffId
                    : Digest.sha256((parent + " " + diffId).getBytes(StandardCharsets.US_ASCII));
            chain.add(parent);
        }
        return List.copyOf(chain);
    }
}
