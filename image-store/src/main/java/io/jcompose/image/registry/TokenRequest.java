package io.jcompose.image.registry;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.auth.AuthChallenge;
import io.jcompose.image.auth.Credentials;
import io.jcompose.image.auth.TokenCache;
import io.jcompose.image.wire.Json;
import io.jcompose.image.wire.TokenJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks a token server (the {@code realm} of a Bearer challenge) for a token: GET with basic auth for
 * a user and password, POST {@code grant_type=refresh_token} for an identity token, plain GET for
 * anonymous access, as the distribution token spec describes.
 */
final class TokenRequest {
    record Token(String token, Duration lifetime) {
    }

    private final AuthChallenge challenge;
    private final String scopes;
    private final Credentials credentials;
    private final String registry;

    TokenRequest(AuthChallenge challenge, String scopes, Credentials credentials, String registry) {
        this.challenge = challenge;
        this.scopes = scopes;
        this.credentials = credentials;
        this.registry = registry;
    }

    Token fetch(RegistryTransport transport) throws IOException {
        if (challenge.realm().isEmpty()) {
            throw new ImageException(Kind.UNAVAILABLE, registry + " asked for a bearer token without naming a token server",
                    "the registry's auth configuration is broken; report it to its operator");
        }
        StringBuilder query = new StringBuilder();
        if (!challenge.service().isEmpty()) param(query, "service", challenge.service());
        for (String scope : scopes.split(" ")) if (!scope.isEmpty()) param(query, "scope", scope);
        HttpRequest request;
        if (credentials.identityToken() != null) {
            StringBuilder form = new StringBuilder(query);
            param(form, "grant_type", "refresh_token");
            param(form, "refresh_token", credentials.identityToken());
            param(form, "client_id", "jcompose");
            request = HttpRequest.newBuilder(URI.create(challenge.realm()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        } else {
            if (credentials.username() != null) param(query, "account", credentials.username());
            String separator = challenge.realm().contains("?") ? "&" : "?";
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(challenge.realm()
                    + (query.isEmpty() ? "" : separator + query))).GET();
            if (credentials.username() != null && credentials.password() != null) {
                b.header("Authorization", RegistryTransport.basic(credentials));
            }
            request = b.build();
        }
        HttpResponse<InputStream> response = transport.sendRaw(request);
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(1 << 20);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new ImageException(Kind.UNAUTHENTICATED, "the token server of " + registry + " (" + challenge.realm()
                    + ") refused " + credentials + " for " + scopes,
                    credentials.anonymous() ? "log in with 'docker login " + registry + "'"
                            : "check the user name and password, then 'docker login " + registry + "' again");
        }
        if (status != 200) {
            throw new IOException("token server " + challenge.realm() + " answered HTTP " + status);
        }
        TokenJson json = Json.read(body, TokenJson.class, "token from " + challenge.realm());
        String token = json.token() != null && !json.token().isEmpty() ? json.token() : json.accessToken();
        if (token == null || token.isEmpty()) {
            throw new ImageException(Kind.UNAVAILABLE, "the token server of " + registry + " returned no token",
                    "the registry's auth configuration is broken; report it to its operator");
        }
        // the spec says to assume 60 seconds when a server states less, or nothing
        long seconds = json.expiresIn() == null ? 0 : json.expiresIn();
        Duration lifetime = seconds < TokenCache.DEFAULT_LIFETIME.toSeconds() ? TokenCache.DEFAULT_LIFETIME
                : Duration.ofSeconds(seconds);
        return new Token(token, lifetime);
    }

    private static void param(StringBuilder sb, String name, String value) {
        if (!sb.isEmpty()) sb.append('&');
        sb.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
