package io.jcompose.image.registry;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.auth.AuthChallenge;
import io.jcompose.image.auth.CredentialSource;
import io.jcompose.image.auth.Credentials;
import io.jcompose.image.auth.TokenCache;
import io.jcompose.image.wire.Json;
import io.jcompose.image.wire.RegistryErrorsJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * The one place that talks HTTP to registries. For every {@link RegistryEndpoint} it picks the scheme
 * (plain HTTP for loopback and configured insecure registries), adds credentials (answering a
 * {@code WWW-Authenticate} challenge with a bearer token from the token cache, or basic auth), follows
 * redirects itself (dropping the Authorization header when the host changes, as blob storage such
 * as S3 requires), retries network errors, 5xx and 429 with exponential backoff and jitter (honouring
 * {@code Retry-After}), and turns every other failure into an {@link ImageException} with its own
 * message and fix.
 */
public final class RegistryTransport {
    private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);
    private static final int MAX_REDIRECTS = 10;
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final RegistryOptions options;
    /** Made on the first request: an HTTP client loads the TLS stack (~400 classes) and starts a selector thread,
     * which a long-lived agent that never pulls would otherwise keep for nothing. */
    private volatile HttpClient http;
    private final CredentialSource credentialSource;
    private final TokenCache tokens;
    private final ConcurrentHashMap<String, AuthChallenge> challenges = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Credentials> credentials = new ConcurrentHashMap<>();

    public RegistryTransport(RegistryOptions options, CredentialSource credentialSource) {
        this.options = options;
        this.credentialSource = credentialSource;
        this.tokens = new TokenCache(Clock.systemUTC());
    }

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(options.connectTimeout())
                            .build();
                    http = client;
                }
            }
        }
        return client;
    }

    RegistryOptions options() {
        return options;
    }

    /** {@code scheme://host/v2/} for a registry. */
    URI apiBase(String registry) {
        String host = registry.equals("docker.io") ? "registry-1.docker.io" : registry;
        return URI.create((options.plainHttp(registry) ? "http" : "https") + "://" + host + "/v2/");
    }

    /** Runs {@code endpoint} to success or to an error that says what to do. */
    public <T> T execute(RegistryEndpoint<T> endpoint) {
        String registry = endpoint.repository().registry();
        URI base = apiBase(registry);
        boolean reauthenticated = false;
        String askedScope = "";
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                HttpRequest.Builder builder = endpoint.request(base);
                builder.setHeader("User-Agent", "jcompose");
                authorize(builder, endpoint, askedScope);
                HttpResponse<InputStream> response = send(builder.build());
                int status = response.statusCode();
                if (status == 401 && !reauthenticated) {
                    String header = response.headers().firstValue("WWW-Authenticate").orElse(null);
                    discard(response);
                    if (header != null) {
                        AuthChallenge challenge = AuthChallenge.parse(header);
                        challenges.put(registry, challenge);
                        askedScope = challenge.parameters().getOrDefault("scope", "");
                        tokens.invalidate(tokenKey(registry, challenge, endpoint, askedScope));
                        reauthenticated = true;
                        attempt--;
                        continue;
                    }
                    throw failure(endpoint, status, "");
                }
                if (endpoint.accepts(status)) return endpoint.handle(response);
                String body = errorBody(response);
                if (RETRYABLE.contains(status) && attempt < options.maxAttempts()) {
                    Duration wait = backoff(attempt, response.headers().firstValue("Retry-After").orElse(null));
                    endpoint.retrying(attempt, wait, "HTTP " + status);
                    sleep(wait);
                    continue;
                }
                throw failure(endpoint, status, body);
            } catch (SSLException e) {
                throw new ImageException(Kind.UNAVAILABLE, "cannot " + endpoint.action() + ": TLS with " + registry
                        + " failed (" + e.getMessage() + ")",
                        "if " + registry + " serves plain HTTP, list it among the agent's insecure registries", e);
            } catch (IOException e) {
                if (attempt >= options.maxAttempts()) {
                    throw new ImageException(Kind.UNAVAILABLE, "cannot " + endpoint.action() + ": " + describe(e)
                            + " (after " + attempt + " attempts)",
                            "check that " + registry + " is reachable (network, proxy, DNS) and retry", e);
                }
                Duration wait = backoff(attempt, null);
                endpoint.retrying(attempt, wait, describe(e));
                sleep(wait);
            }
        }
    }

    /** Sends, following redirects for GET and HEAD; the Authorization header does not leave its host. */
    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        HttpRequest current = request;
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> response;
            try {
                response = http().send(current, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImageException(Kind.UNAVAILABLE, "interrupted while talking to " + request.uri().getHost(), null, e);
            }
            int status = response.statusCode();
            boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
            String method = current.method();
            if (!redirect || !(method.equals("GET") || method.equals("HEAD"))) return response;
            String location = response.headers().firstValue("Location").orElse(null);
            if (location == null) return response;
            discard(response);
            if (hop >= MAX_REDIRECTS) throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + request.uri());
            URI next = current.uri().resolve(location);
            boolean sameOrigin = next.getHost() != null && next.getHost().equalsIgnoreCase(request.uri().getHost())
                    && next.getPort() == request.uri().getPort();
            current = HttpRequest.newBuilder(current, (name, value) -> sameOrigin || !name.equalsIgnoreCase("Authorization"))
                    .uri(next).build();
        }
    }

    private void authorize(HttpRequest.Builder builder, RegistryEndpoint<?> endpoint, String askedScope)
            throws IOException {
        String registry = endpoint.repository().registry();
        AuthChallenge challenge = challenges.get(registry);
        if (challenge == null) return; // unknown yet: the first request goes out anonymously and a 401 teaches us
        Credentials cred = credentials(registry);
        if (challenge.bearer()) {
            builder.setHeader("Authorization", "Bearer " + token(registry, challenge, endpoint, askedScope, cred));
        } else if (cred.username() != null && cred.password() != null) {
            builder.setHeader("Authorization", basic(cred));
        }
    }

    private String token(String registry, AuthChallenge challenge, RegistryEndpoint<?> endpoint, String askedScope,
                         Credentials cred) throws IOException {
        String key = tokenKey(registry, challenge, endpoint, askedScope);
        String token = tokens.get(key);
        if (token != null) return token;
        TokenRequest request = new TokenRequest(challenge, scopes(endpoint, askedScope), cred, registry);
        TokenRequest.Token fresh = request.fetch(this);
        tokens.put(key, fresh.token(), fresh.lifetime());
        return fresh.token();
    }

    /**
     * The scope we need, plus the one the registry asked for in a 401 to this very request when it
     * differs (it knows best). A challenge remembered from another request is not reused for its scope.
     */
    private static String scopes(RegistryEndpoint<?> endpoint, String theirs) {
        String ours = endpoint.repository().path().isEmpty() ? "" : endpoint.repository().scope(endpoint.push());
        if (theirs.isEmpty() || theirs.equals(ours)) return ours;
        if (ours.isEmpty()) return theirs;
        return ours + " " + theirs;
    }

    private static String tokenKey(String registry, AuthChallenge challenge, RegistryEndpoint<?> endpoint,
                                   String askedScope) {
        return TokenCache.key(registry, challenge.service(), scopes(endpoint, askedScope));
    }

    Credentials credentials(String registry) {
        return credentials.computeIfAbsent(registry, credentialSource::lookup);
    }

    /** Raw HTTP for the token endpoint, which lives outside the registry API and has its own errors. */
    HttpResponse<InputStream> sendRaw(HttpRequest request) throws IOException {
        return send(request);
    }

    static String basic(Credentials cred) {
        return "Basic " + Base64.getEncoder().encodeToString((cred.username() + ":" + cred.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    private ImageException failure(RegistryEndpoint<?> endpoint, int status, String body) {
        String registry = endpoint.repository().registry();
        String message = registryMessage(body);
        String detail = message.isEmpty() ? "" : " (" + message + ")";
        Credentials cred = credentials(registry);
        return switch (status) {
            case 401 -> cred.anonymous()
                    ? new ImageException(Kind.UNAUTHENTICATED, "cannot " + endpoint.action() + ": " + registry
                    + " requires authentication" + detail,
                    "log in with 'docker login " + registry + "' (credentials are read from ~/.docker/config.json)")
                    : new ImageException(Kind.UNAUTHENTICATED, "cannot " + endpoint.action() + ": " + registry
                    + " rejected the credentials of " + cred + detail,
                    "check the user name and password, then 'docker login " + registry + "' again");
            case 403 -> new ImageException(Kind.PERMISSION_DENIED, "cannot " + endpoint.action() + ": access denied to "
                    + (cred.anonymous() ? "anonymous users" : cred) + detail,
                    endpoint.push() ? "check that the account may push to " + endpoint.repository()
                            : "check the repository name, and that the account may pull " + endpoint.repository());
            case 404 -> endpoint.notFound(message);
            case 429 -> new ImageException(Kind.RESOURCE_EXHAUSTED, "cannot " + endpoint.action() + ": " + registry
                    + " is rate-limiting requests (429 Too Many Requests)" + detail,
                    "wait before pulling again; authenticated pulls (docker login " + registry + ") get higher limits");
            default -> status >= 500
                    ? new ImageException(Kind.UNAVAILABLE, "cannot " + endpoint.action() + ": " + registry
                    + " answered HTTP " + status + detail + " after " + options.maxAttempts() + " attempts",
                    "the registry is failing; retry later")
                    : new ImageException(Kind.INVALID_ARGUMENT, "cannot " + endpoint.action() + ": " + registry
                    + " answered HTTP " + status + detail, "check the image reference");
        };
    }

    /** The messages of a distribution error body, if it is one. */
    static String registryMessage(String body) {
        if (body == null || body.isBlank() || !body.trim().startsWith("{")) return "";
        try {
            RegistryErrorsJson errors = Json.read(body.getBytes(StandardCharsets.UTF_8), RegistryErrorsJson.class, "error");
            if (errors.errors() == null) return "";
            return errors.errors().stream().map(e -> e.code() + ": " + e.message()).collect(Collectors.joining("; "));
        } catch (ImageException e) {
            return "";
        }
    }

    private static String errorBody(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static void discard(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.skip(MAX_ERROR_BODY);
        } catch (IOException ignored) {
            // the connection is dropped instead of reused
        }
    }

    Duration backoff(int attempt, String retryAfter) {
        Duration cap = options.maxBackoff();
        if (retryAfter != null) {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
                return asked.compareTo(cap) > 0 ? cap : asked;
            } catch (NumberFormatException ignored) {
                // an HTTP date: fall back to our own schedule
            }
        }
        long base = options.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(jittered, cap.toMillis()));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException(Kind.UNAVAILABLE, "interrupted while waiting to retry", null, e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
