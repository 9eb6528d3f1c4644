package io.jcompose.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import io.jcompose.image.auth.CredentialSource;
import io.jcompose.image.auth.Credentials;
import io.jcompose.image.blob.BlobWriter;
import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.manifest.Descriptor;
import io.jcompose.image.manifest.MediaTypes;
import io.jcompose.image.reference.ImageReference;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The transport against a scripted registry on loopback: auth flows, errors, retries, redirects, resume. */
class RegistryTransportTest {
    private static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST
            + "\",\"config\":{\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\"sha256:" + "a".repeat(64)
            + "\",\"size\":2},\"layers\":[]}";

    @TempDir
    Path temp;
    HttpServer server;
    int port;
    final Map<String, Handler> routes = new ConcurrentHashMap<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    final Map<String, String> authorizations = new ConcurrentHashMap<>();

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            log.add(key);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.put(key + "#" + log.size(), auth == null ? "" : auth);
            Handler h = routes.get(key);
            try {
                if (h == null) respond(exchange, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known\"}]}");
                else h.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RegistryClient client(CredentialSource credentials) {
        return new RegistryClient(RegistryOptions.defaults().withRetries(3, Duration.ofMillis(5)), credentials);
    }

    private ImageReference ref(String path) {
        return ImageReference.parse("127.0.0.1:" + port + "/" + path);
    }

    static void respond(HttpExchange e, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A registry that wants a bearer token from its own token server at /token. */
    private final AtomicInteger tokenRequests = new AtomicInteger();

    private void bearerRegistry(String path) {
        routes.put("GET /token", e -> {
            tokenRequests.incrementAndGet();
            String query = e.getRequestURI().getRawQuery();
            String auth = e.getRequestHeaders().getFirst("Authorization");
            if (auth != null && !auth.equals(RegistryTransport.basic(Credentials.basic("bob", "pw")))) {
                respond(e, 401, "{}");
                return;
            }
            String scope = query.replaceAll(".*scope=([^&]*).*", "$1");
            respond(e, 200, "{\"token\":\"tok-" + scope.hashCode() + "\",\"expires_in\":300}");
        });
        routes.put("GET /v2/" + path + "/manifests/1", e -> {
            String auth = e.getRequestHeaders().getFirst("Authorization");
            String scope = java.net.URLEncoder.encode("repository:" + path + ":pull", StandardCharsets.UTF_8);
            if (!("Bearer tok-" + scope.hashCode()).equals(auth)) {
                e.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://127.0.0.1:" + port
                        + "/token\",service=\"stub\",scope=\"repository:" + path + ":pull\"");
                respond(e, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
                return;
            }
            e.getResponseHeaders().add("Content-Type", MediaTypes.OCI_MANIFEST);
            respond(e, 200, MANIFEST);
        });
    }

    @Test
    void bearerTokenIsFetchedOnceAndCachedPerScope() {
        bearerRegistry("team/app");
        RegistryClient client = client(CredentialSource.NONE);
        FetchedManifest m = client.manifest(ref("team/app:1"));
        assertThat(new String(m.bytes(), StandardCharsets.UTF_8)).isEqualTo(MANIFEST);
        assertThat(m.digest()).isEqualTo(Digest.sha256(MANIFEST.getBytes(StandardCharsets.UTF_8)));
        client.manifest(ref("team/app:1"));
        client.manifest(ref("team/app:1"));
        assertThat(tokenRequests).hasValue(1);
        assertThat(log).containsExactly("GET /v2/team/app/manifests/1", "GET /token", "GET /v2/team/app/manifests/1",
                "GET /v2/team/app/manifests/1", "GET /v2/team/app/manifests/1");
        bearerRegistry("team/other");
        client.manifest(ref("team/other:1"));
        assertThat(tokenRequests).hasValue(2);
    }

    @Test
    void credentialsGoToTheTokenServerAsBasicAuth() {
        bearerRegistry("team/app");
        client(host -> Credentials.basic("bob", "pw")).manifest(ref("team/app:1"));
        assertThat(authorizations).containsEntry("GET /token#2", RegistryTransport.basic(Credentials.basic("bob", "pw")));
    }

    @Test
    void aTokenServerRefusingTheCredentialsSaysSo() {
        bearerRegistry("team/app");
        assertThatThrownBy(() -> client(host -> Credentials.basic("bob", "bad")).manifest(ref("team/app:1")))
                .isInstanceOfSatisfying(ImageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAUTHENTICATED);
                    assertThat(e.problem()).contains("token server").contains("user bob");
                });
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(401, Kind.UNAUTHENTICATED, "requires authentication", "docker login"),
                Arguments.of(403, Kind.PERMISSION_DENIED, "access denied", "may pull"),
                Arguments.of(404, Kind.NOT_FOUND, "not found", "check the image name and tag"),
                Arguments.of(429, Kind.RESOURCE_EXHAUSTED, "rate-limiting", "wait before pulling again"),
                Arguments.of(500, Kind.UNAVAILABLE, "answered HTTP 500", "retry later"),
                Arguments.of(400, Kind.INVALID_ARGUMENT, "answered HTTP 400", "check the image reference"));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @MethodSource("failures")
    void eachFailureHasItsOwnMessageAndFix(int status, Kind kind, String problem, String fix) {
        routes.put("GET /v2/x/manifests/1", e -> respond(e, status,
                "{\"errors\":[{\"code\":\"CODE" + status + "\",\"message\":\"registry says " + status + "\"}]}"));
        assertThatThrownBy(() -> client(CredentialSource.NONE).manifest(ref("x:1")))
                .isInstanceOfSatisfying(ImageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.problem()).contains("x:1").contains(problem);
                    if (status != 401) assertThat(e.problem()).contains("registry says " + status);
                    assertThat(e.fix()).contains(fix);
                });
        long attempts = log.stream().filter(l -> l.equals("GET /v2/x/manifests/1")).count();
        assertThat(attempts).isEqualTo(status == 429 || status == 500 ? 3 : 1);
    }

    @Test
    void transientFailuresAreRetried() {
        AtomicInteger calls = new AtomicInteger();
        routes.put("GET /v2/x/manifests/1", e -> {
            if (calls.incrementAndGet() < 3) {
                e.getResponseHeaders().add("Retry-After", "0");
                respond(e, 503, "");
            } else {
                e.getResponseHeaders().add("Content-Type", MediaTypes.OCI_MANIFEST);
                respond(e, 200, MANIFEST);
            }
        });
        assertThat(client(CredentialSource.NONE).manifest(ref("x:1")).bytes()).hasSize(MANIFEST.length());
        assertThat(calls).hasValue(3);
    }

    @Test
    void aManifestThatDoesNotMatchItsDigestIsRefused() {
        Digest claimed = Digest.sha256("other".getBytes());
        routes.put("GET /v2/x/manifests/" + claimed, e -> respond(e, 200, MANIFEST));
        assertThatThrownBy(() -> client(CredentialSource.NONE).manifest(ref("x@" + claimed)))
                .isInstanceOfSatisfying(ImageException.class, e -> assertThat(e.problem()).contains("does not match its digest"));
    }

    private final byte[] blob = randomBlob();

    private static byte[] randomBlob() {
        byte[] b = new byte[300_000];
        new Random(1).nextBytes(b);
        return b;
    }

    private void fetchBlob(ContentStore store, Digest digest) {
        try (BlobWriter w = store.writer(digest, blob.length)) {
            client(CredentialSource.NONE).blob(new Repository("127.0.0.1:" + port, "x"),
                    Descriptor.of(MediaTypes.OCI_LAYER, digest, blob.length), w, n -> { }, "x", RetryListener.NONE);
            w.commit();
        }
    }

    @Test
    void anInterruptedDownloadResumesWithARangeRequest() throws Exception {
        Digest digest = Digest.sha256(blob);
        List<String> ranges = new CopyOnWriteArrayList<>();
        routes.put("GET /v2/x/blobs/" + digest, e -> {
            String range = e.getRequestHeaders().getFirst("Range");
            ranges.add(range == null ? "none" : range);
            if (range == null) {
                e.sendResponseHeaders(200, blob.length);
                OutputStream out = e.getResponseBody();
                out.write(blob, 0, 100_000);
                out.flush();
                // drop the connection mid-body
                throw new IOException("simulated drop");
            }
            int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            e.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (blob.length - 1) + "/" + blob.length);
            e.sendResponseHeaders(206, blob.length - from);
            try (OutputStream out = e.getResponseBody()) {
                out.write(blob, from, blob.length - from);
            }
        });
        ContentStore store = new ContentStore(temp);
        fetchBlob(store, digest);
        assertThat(store.read(digest, blob.length)).isEqualTo(blob);
        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(0)).isEqualTo("none");
        assertThat(ranges.get(1)).matches("bytes=\\d+-");
        assertThat(Integer.parseInt(ranges.get(1).replaceAll("\\D", ""))).isPositive();
    }

    @Test
    void aBlobTheServerHasOnlyPartlyIsReportedTruncatedWithoutRetrying() {
        Digest digest = Digest.sha256(blob);
        routes.put("GET /v2/x/blobs/" + digest, e -> {
            e.sendResponseHeaders(200, 1000);
            try (OutputStream out = e.getResponseBody()) {
                out.write(blob, 0, 1000);
            }
        });
        ContentStore store = new ContentStore(temp);
        assertThatThrownBy(() -> fetchBlob(store, digest)).isInstanceOfSatisfying(ImageException.class,
                e -> assertThat(e.problem()).contains("truncated").contains("1000 of 300000"));
        assertThat(log).hasSize(1);
        assertThat(store.contains(digest)).isFalse();
    }

    @Test
    void redirectsKeepAuthorizationOnlyOnTheSameHost() {
        Digest digest = Digest.sha256(blob);
        routes.put("GET /v2/x/blobs/" + digest, e -> {
            e.getResponseHeaders().add("Location", "http://localhost:" + port + "/storage/blob");
            respond(e, 307, "");
        });
        routes.put("GET /storage/blob", e -> {
            e.sendResponseHeaders(200, blob.length);
            try (OutputStream out = e.getResponseBody()) {
                out.write(blob);
            }
        });
        ContentStore store = new ContentStore(temp);
        try (BlobWriter w = store.writer(digest, blob.length)) {
            RegistryClient c = new RegistryClient(RegistryOptions.defaults(), host -> Credentials.basic("u", "p"));
            // teach the transport that this registry wants basic auth
            routes.put("GET /v2/", e -> {
                if (e.getRequestHeaders().getFirst("Authorization") == null) {
                    e.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"stub\"");
                    respond(e, 401, "");
                } else {
                    respond(e, 200, "{}");
                }
            });
            c.ping("127.0.0.1:" + port);
            c.blob(new Repository("127.0.0.1:" + port, "x"), Descriptor.of(MediaTypes.OCI_LAYER, digest, blob.length), w,
                    n -> { }, "x", RetryListener.NONE);
            w.commit();
        }
        String registryAuth = authorizations.entrySet().stream().filter(e -> e.getKey().startsWith("GET /v2/x/blobs"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        String storageAuth = authorizations.entrySet().stream().filter(e -> e.getKey().startsWith("GET /storage"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertThat(registryAuth).startsWith("Basic ");
        assertThat(storageAuth).isEmpty();
        assertThat(store.read(digest, blob.length)).isEqualTo(blob);
    }
}
