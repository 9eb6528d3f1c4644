package io.jcompose.image.registry;

import io.jcompose.image.auth.CredentialSource;
import io.jcompose.image.blob.BlobWriter;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.manifest.Descriptor;
import io.jcompose.image.reference.ImageReference;
import java.io.InputStream;
import java.net.URI;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The registry operations the image store needs, each one endpoint run through the shared
 * {@link RegistryTransport} (which owns auth, redirects and retries).
 *
 * <pre>{@code
 * RegistryClient registry = new RegistryClient(RegistryOptions.defaults(), DockerConfigCredentials.fromEnvironment());
 * FetchedManifest m = registry.manifest(ImageReference.parse("localhost:5000/app:1"));
 * }</pre>
 */
public final class RegistryClient {
    private final RegistryTransport transport;

    public RegistryClient(RegistryOptions options, CredentialSource credentials) {
        this.transport = new RegistryTransport(options, credentials);
    }

    public RegistryOptions options() {
        return transport.options();
    }

    /** Checks that {@code registry} answers the v2 API with our credentials. */
    public void ping(String registry) {
        transport.execute(new Ping(registry));
    }

    /** The manifest or index {@code ref} names: by digest when it has one, else by tag. */
    public FetchedManifest manifest(ImageReference ref) {
        return manifest(Repository.of(ref), ref.manifestReference(), ref.familiar());
    }

    /** A manifest by tag or digest; {@code image} names it in errors. */
    public FetchedManifest manifest(Repository repository, String reference, String image) {
        return transport.execute(new ManifestGet(repository, reference, image));
    }

    /** Downloads a blob into {@code writer}, resuming after dropped connections; the caller commits. */
    public void blob(Repository repository, Descriptor blob, BlobWriter writer, LongConsumer progress, String image,
                     RetryListener retries) {
        transport.execute(new BlobGet(repository, blob, writer, progress, image, retries));
    }

    public boolean hasBlob(Repository repository, Digest digest, boolean forPush) {
        return transport.execute(new BlobHead(repository, digest, forPush));
    }

    /** Uploads a blob unless the registry has it; {@code content} may be opened once per attempt. */
    public void pushBlob(Repository repository, Digest digest, long size, Supplier<InputStream> content) {
        if (hasBlob(repository, digest, true)) return;
        URI location = transport.execute(new BlobUploadStart(repository));
        transport.execute(new BlobUploadPut(repository, location, digest, size, content));
    }

    /** Publishes a manifest or index under a tag or its digest. */
    public void pushManifest(Repository repository, String reference, String mediaType, byte[] bytes) {
        transport.execute(new ManifestPut(repository, reference, mediaType, bytes));
    }
}
