package io.jcompose.image.registry;

import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.ImageException;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.manifest.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;

/**
 * {@code GET /v2/<name>/manifests/<tag|digest>} accepting OCI and Docker manifests and indexes. The
 * bytes are hashed here: when the reference is a digest they must match it, whatever the server says.
 */
record ManifestGet(Repository repository, String reference, String image) implements RegistryEndpoint<FetchedManifest> {
    /** Registries cap manifests at 4 MiB; anything bigger is not a manifest. */
    static final int MAX_MANIFEST_BYTES = 4 << 20;



    @Override
    public HttpRequest.Builder request(URI apiBase) {
        return HttpRequest.newBuilder(apiBase.resolve(repository.path() + "/manifests/" + reference))
                .header("Accept", MediaTypes.ACCEPT_MANIFESTS).GET();
    }

    @Override
    public boolean accepts(int status) {
        return status == 200;
    }

    @Override
    public FetchedManifest handle(HttpResponse<InputStream> response) throws IOException {
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new ImageException(Kind.INVALID_ARGUMENT, "manifest of " + image + " is larger than 4 MiB",
                    "this is not an image manifest; check the reference");
        }
        long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (announced >= 0 && announced != bytes.length) {
            throw new IOException("manifest of " + image + " truncated: " + bytes.length + " of " + announced + " bytes");
        }
        Digest actual = Digest.sha256(bytes);
        if (Digest.isDigest(reference)) {
            Digest expected = Digest.parse(reference);
            Digest computed = expected.algorithm().equals(Digest.SHA256) ? actual
                    : Digest.of(expected.algorithm(), bytes(expected, bytes));
            if (!computed.equals(expected)) {
                throw new ImageException(Kind.INVALID_ARGUMENT, "manifest of " + image + " does not match its digest "
                        + expected + " (content hashes to " + computed + ")",
                        "the registry serves tampered or corrupted content; do not use it");
            }
            actual = expected;
        }
        return new FetchedManifest(bytes, response.headers().firstValue("Content-Type").orElse(null), actual);
    }

    private static MessageDigest bytes(Digest d, byte[] content) {
        MessageDigest md = d.newMessageDigest();
        md.update(content);
        return md;
    }

    @Override
    public String action() {
        return "pull manifest of " + image;
    }

    @Override
    public ImageException notFound(String message) {
        return new ImageException(Kind.NOT_FOUND, "image " + image + " not found: " + repository.registry()
                + " has no such repository or " + (Digest.isDigest(reference) ? "digest" : "tag")
                + (message.isEmpty() ? "" : " (" + message + ")"),
                "check the image name and tag; private images need 'docker login " + repository.registry() + "'");
    }
}
