package io.jcompose.image.registry;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code GET /v2/}: is this a registry, and do our credentials work on it. */
final class Ping implements RegistryEndpoint<Boolean> {
    private final Repository registry;

    Ping(String registry) {
        this.registry = new Repository(registry, "");
    }

    @Override
    public Repository repository() {
        return registry;
    }

    @Override
    public HttpRequest.Builder request(URI apiBase) {
        return HttpRequest.newBuilder(apiBase).GET();
    }

    @Override
    public boolean accepts(int status) {
        return status == 200;
    }

    @Override
    public Boolean handle(HttpResponse<InputStream> response) {
        RegistryTransport.discard(response);
        return true;
    }

    @Override
    public String action() {
        return "reach registry " + registry.registry();
    }

    @Override
    public ImageException notFound(String message) {
        return new ImageException(Kind.NOT_FOUND, registry.registry() + " does not serve the registry API at /v2/",
                "check the registry host and port");
    }
}
