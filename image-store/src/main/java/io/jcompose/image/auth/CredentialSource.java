package io.jcompose.image.auth;

/** Finds the credentials for a registry host such as {@code docker.io} or {@code localhost:5000}. */
@FunctionalInterface
public interface CredentialSource {
    CredentialSource NONE = host -> Credentials.ANONYMOUS;

    Credentials lookup(String registry);
}
