package io.jcompose.image.registry;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code PUT /v2/<name>/manifests/<tag|digest>}: publishes a manifest or index whose blobs are already there. */
final class ManifestPut implements RegistryEndpoint<Void> {
    private final Repository repository;
    private final String reference;
    private final String mediaType;
    private final byte[] bytes;

    ManifestPut(Repository repository, String reference, String mediaType, byte[] bytes) {
        this.repository = repository;
        this.reference = reference;
        this.mediaType = mediaType;
        this.bytes = bytes;
    }

    @Override
    public Repository repository() {
        return repository;
    }

    @Override
    public boolean push() {
        return true;
    }

    @Override
    public HttpRequest.Builder request(URI apiBase) {
        return HttpRequest.newBuilder(apiBase.resolve(repository.path() + "/manifests/" + reference))
                .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    @Override
    public boolean accepts(int status) {
        return status == 201 || status == 200;
    }

    @Override
    public Void handle(HttpResponse<InputStream> response) {
        RegistryTransport.discard(response);
        return null;
    }

    @Override
    public String action() {
        return "push manifest " + repository + ":" + reference;
    }

    @Override
    public ImageException notFound(String message) {
        return new ImageException(Kind.NOT_FOUND, "cannot push manifest to " + repository
                + (message.isEmpty() ? "" : " (" + message + ")"), "push the layers and config first");
    }
}
