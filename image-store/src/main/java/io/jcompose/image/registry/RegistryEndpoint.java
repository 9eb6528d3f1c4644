package io.jcompose.image.registry;

import io.jcompose.image.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One call of the distribution API. An endpoint only builds its request and reads the answers it
 * expects; {@link RegistryTransport} owns everything else: scheme, authentication, redirects,
 * retries and the mapping of failures to errors.
 *
 * @param <T> what a successful call yields
 */
public interface RegistryEndpoint<T> {
    /** The repository the call concerns (its registry decides the host). */
    Repository repository();

    /** Whether the call needs push access (token scope {@code pull,push}). */
    default boolean push() {
        return false;
    }

    /** Builds the request; called again for each attempt, so it may depend on progress so far. */
    HttpRequest.Builder request(URI apiBase) throws IOException;

    /** Statuses {@link #handle} deals with. */
    boolean accepts(int status);

    /** Reads an accepted response. An IOException here (e.g. a dropped connection) is retried. */
    T handle(HttpResponse<InputStream> response) throws IOException;

    /** Names the call in messages: "pull manifest of localhost:5000/app:1". */
    String action();

    /** The error for a 404 of this call. */
    ImageException notFound(String registryMessage);

    /** Told before a retry, e.g. to publish a progress event. */
    default void retrying(int attempt, Duration wait, String reason) {
    }
}
