package io.jcompose.image.registry;

import io.jcompose.image.reference.ImageReference;

/**
 * A repository on a registry: where requests go and what token scope they need.
 *
 * @param registry the registry as named in references ({@code docker.io}, {@code localhost:5000})
 * @param path     the repository path ({@code library/redis})
 */
public record Repository(String registry, String path) {
    public static Repository of(ImageReference ref) {
        return new Repository(ref.domain(), ref.path());
    }

    /** The host serving the API: Docker Hub's lives at registry-1.docker.io. */
    public String apiHost() {
        return registry.equals(ImageReference.DOCKER_HUB) ? "registry-1.docker.io" : registry;
    }

    public String scope(boolean push) {
        return "repository:" + path + ":" + (push ? "pull,push" : "pull");
    }

    @Override
    public String toString() {
        return registry + "/" + path;
    }
}
