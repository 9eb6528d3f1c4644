package io.jcompose.image.registry;

import io.jcompose.image.ImageException;
import io.jcompose.image.digest.Digest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code HEAD /v2/<name>/blobs/<digest>}: does the registry have it already (skip the upload). */
record BlobHead(Repository repository, Digest digest, boolean push) implements RegistryEndpoint<Boolean> {
    @Override
    public HttpRequest.Builder request(URI apiBase) {
        return HttpRequest.newBuilder(apiBase.resolve(repository.path() + "/blobs/" + digest))
                .method("HEAD", HttpRequest.BodyPublishers.noBody());
    }

    @Override
    public boolean accepts(int status) {
        return status == 200 || status == 404;
    }

    @Override
    public Boolean handle(HttpResponse<InputStream> response) {
        RegistryTransport.discard(response);
        return response.statusCode() == 200;
    }

    @Override
    public String action() {
        return "check blob " + digest + " in " + repository;
    }

    @Override
    public ImageException notFound(String message) {
        throw new IllegalStateException("404 is an answer here");
    }
}
