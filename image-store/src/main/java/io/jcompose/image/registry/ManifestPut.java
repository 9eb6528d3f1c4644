package io.jcompose.image.registry;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code PUT /v2/<name>/manifests/<tag|digest>}: publishes a manifest or index whose blobs are already there. */
record ManifestPut(Repository repository, String reference, String mediaType, byte[] bytes) implements RegistryEndpoint<Void> {
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
