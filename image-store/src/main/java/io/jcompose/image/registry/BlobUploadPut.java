package io.jcompose.image.registry;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.digest.Digest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;

/** {@code PUT <upload location>?digest=<d>} with the whole blob: a monolithic upload, streamed from its source. */
record BlobUploadPut(Repository repository, URI location, Digest digest, long size, Supplier<InputStream> content) implements RegistryEndpoint<Void> {
    @Override
    public boolean push() {
        return true;
    }

    @Override
    public HttpRequest.Builder request(URI apiBase) {
        String separator = location.getRawQuery() == null ? "?" : "&";
        URI target = URI.create(location + separator + "digest=" + digest);
        return HttpRequest.newBuilder(target).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(content), size));
    }

    @Override
    public boolean accepts(int status) {
        return status == 201 || status == 204;
    }

    @Override
    public Void handle(HttpResponse<InputStream> response) {
        RegistryTransport.discard(response);
        return null;
    }

    @Override
    public String action() {
        return "push blob " + digest + " to " + repository;
    }

    @Override
    public ImageException notFound(String message) {
        return new ImageException(Kind.NOT_FOUND, "the upload session for " + digest + " on " + repository
                + " vanished" + (message.isEmpty() ? "" : " (" + message + ")"), "push again");
    }
}
