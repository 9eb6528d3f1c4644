package io.jcompose.image.registry;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code POST /v2/<name>/blobs/uploads/}: opens an upload session; the answer is where to send the bytes. */
record BlobUploadStart(Repository repository) implements RegistryEndpoint<URI> {
    @Override
    public boolean push() {
        return true;
    }

    @Override
    public HttpRequest.Builder request(URI apiBase) {
        return HttpRequest.newBuilder(apiBase.resolve(repository.path() + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    @Override
    public boolean accepts(int status) {
        return status == 202;
    }

    @Override
    public URI handle(HttpResponse<InputStream> response) throws IOException {
        RegistryTransport.discard(response);
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IOException("upload session without a Location header"));
        return response.request().uri().resolve(location);
    }

    @Override
    public String action() {
        return "start a blob upload to " + repository;
    }

    @Override
    public ImageException notFound(String message) {
        return new ImageException(Kind.NOT_FOUND, "cannot push to " + repository + ": the registry does not know it"
                + (message.isEmpty() ? "" : " (" + message + ")"), "check the repository name");
    }
}
