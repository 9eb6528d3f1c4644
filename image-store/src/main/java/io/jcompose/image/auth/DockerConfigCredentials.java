package io.jcompose.image.auth;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.wire.DockerConfigJson;
import io.jcompose.image.wire.DockerConfigJson.AuthJson;
import io.jcompose.image.wire.DockerConfigJson.HelperCredentialsJson;
import io.jcompose.image.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Credentials the way the docker CLI stores them in {@code config.json}: a per-registry helper from
 * {@code credHelpers} first, then the global {@code credsStore} helper, then inline {@code auths}.
 * Docker Hub is filed under {@code https://index.docker.io/v1/}; other registries under their host,
 * with or without a scheme. Helpers are run as {@code docker-credential-<name> get}.
 */
public final class DockerConfigCredentials implements CredentialSource {
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    private static final long HELPER_TIMEOUT_SECONDS = 30;

    private final DockerConfigJson config;
    private final Path source;
    private final Path helperDirectory;

    DockerConfigCredentials(DockerConfigJson config, Path source, Path helperDirectory) {
        this.config = config;
        this.source = source;
        this.helperDirectory = helperDirectory;
    }

    /** Reads {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}; a missing file means anonymous. */
    public static DockerConfigCredentials fromEnvironment() {
        String dir = System.getenv("DOCKER_CONFIG");
        Path file = dir != null && !dir.isEmpty() ? Path.of(dir, "config.json")
                : Path.of(System.getProperty("user.home"), ".docker", "config.json");
        return load(file);
    }

    public static DockerConfigCredentials load(Path file) {
        return load(file, null);
    }

    /** As {@link #load(Path)}, running credential helpers from {@code helperDirectory} instead of the PATH. */
    public static DockerConfigCredentials load(Path file, Path helperDirectory) {
        if (!Files.isRegularFile(file)) {
            return new DockerConfigCredentials(new DockerConfigJson(Map.of(), null, Map.of()), file, helperDirectory);
        }
        try {
            return new DockerConfigCredentials(Json.read(Files.readAllBytes(file), DockerConfigJson.class, file.toString()),
                    file, helperDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Credentials lookup(String registry) {
        String key = registry.equals("docker.io") || registry.equals("registry-1.docker.io")
                || registry.equals("index.docker.io") ? DOCKER_HUB_KEY : registry;
        Map<String, String> helpers = config.credHelpers() == null ? Map.of() : config.credHelpers();
        String helper = helpers.get(key);
        if (helper == null && key.equals(DOCKER_HUB_KEY)) helper = helpers.get("docker.io");
        if (helper == null) helper = config.credsStore();
        if (helper != null && !helper.isEmpty()) {
            Credentials fromHelper = runHelper(helper, key);
            if (!fromHelper.anonymous()) return fromHelper;
        }
        return inline(key);
    }

    private Credentials inline(String key) {
        if (config.auths() == null) return Credentials.ANONYMOUS;
        for (Map.Entry<String, AuthJson> e : config.auths().entrySet()) {
            if (!hostOf(e.getKey()).equals(hostOf(key))) continue;
            AuthJson a = e.getValue();
            if (a == null) continue;
            if (a.identitytoken() != null && !a.identitytoken().isEmpty()) {
                return new Credentials(a.username(), null, a.identitytoken());
            }
            if (a.auth() != null && !a.auth().isEmpty()) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(a.auth().trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException ex) {
                    throw badConfig("the auth entry for " + e.getKey() + " is not base64");
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) throw badConfig("the auth entry for " + e.getKey() + " is not user:password");
                return Credentials.basic(decoded.substring(0, colon), decoded.substring(colon + 1));
            }
            if (a.username() != null && a.password() != null) return Credentials.basic(a.username(), a.password());
        }
        return Credentials.ANONYMOUS;
    }

    /** {@code https://host:5000/v1/} and {@code host:5000} name the same registry. */
    static String hostOf(String key) {
        String s = key;
        int scheme = s.indexOf("://");
        if (scheme >= 0) s = s.substring(scheme + 3);
        int slash = s.indexOf('/');
        if (slash >= 0) s = s.substring(0, slash);
        return s.equals("index.docker.io") || s.equals("registry-1.docker.io") ? "docker.io" : s;
    }

    private Credentials runHelper(String helper, String serverUrl) {
        String program = "docker-credential-" + helper;
        try {
            String command = helperDirectory == null ? program : helperDirectory.resolve(program).toString();
            Process p = new ProcessBuilder(command, "get").redirectErrorStream(false).start();
            try (var stdin = p.getOutputStream()) {
                stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // a helper may answer without reading the server URL; its output still counts
            }
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw badConfig(program + " did not answer within " + HELPER_TIMEOUT_SECONDS + "s");
            }
            if (p.exitValue() != 0) {
                String message = new String(out, StandardCharsets.UTF_8).trim() + new String(err, StandardCharsets.UTF_8).trim();
                if (message.toLowerCase().contains("not found")) return Credentials.ANONYMOUS;
                throw badConfig(program + " get failed: " + message);
            }
            HelperCredentialsJson c = Json.read(out, HelperCredentialsJson.class, program + " output");
            if (c.username() == null || c.secret() == null) return Credentials.ANONYMOUS;
            // helpers return identity tokens with this placeholder user, as the docker CLI defines
            if (c.username().equals("<token>")) return new Credentials(null, null, c.secret());
            return Credentials.basic(c.username(), c.secret());
        } catch (IOException e) {
            throw badConfig("cannot run " + program + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageException(Kind.UNAVAILABLE, "interrupted while running " + program, null, e);
        }
    }

    private ImageException badConfig(String problem) {
        return new ImageException(Kind.FAILED_PRECONDITION, "credentials from " + source + ": " + problem,
                "fix " + source + ", install the credential helper it names, or run docker login again");
    }
}
