package io.jcompose.image.registry;

import io.jcompose.image.digest.Digest;

/** A manifest or index as the registry served it: exact bytes (their digest is the identity), media type and digest. */
public record FetchedManifest(byte[] bytes, String contentType, Digest digest) {
}
