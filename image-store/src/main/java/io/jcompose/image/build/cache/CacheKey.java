package io.jcompose.image.build.cache;

import io.jcompose.image.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Keys of the step cache: sha256 over the parent state's key and the parts that decide a step's result
 * (its expanded instruction, the build args it sees, the hash of the files it copies, a source stage's
 * key). Each part is length-prefixed, so no two different part lists hash alike by concatenation.
 */
public final class CacheKey {
    private CacheKey() {
    }

    /** The key of the state a step makes from the state {@code parentKey}. */
    public static String of(String parentKey, List<String> parts) {
        MessageDigest sha = Digest.newMessageDigest(Digest.SHA256);
        update(sha, parentKey);
        for (String part : parts) update(sha, part);
        return Digest.of(Digest.SHA256, sha).encoded();
    }

    private static void update(MessageDigest sha, String part) {
        byte[] bytes = (part == null ? "\u0000null" : part).getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
    }
}
