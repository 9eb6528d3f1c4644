package io.jcompose.examples.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.image.ImageStore;
import io.jcompose.image.auth.CredentialSource;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.config.ImageConfig;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.registry.RegistryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code images/build.sh} and loads every archive it writes, both the OCI layout and the
 * {@code docker save} variant, into a fresh {@link ImageStore}: the name, the configuration and the
 * files the examples rely on must all arrive.
 */
class ImageArchivesTest {
    private static final Path IMAGES = Path.of("images").toAbsolutePath();
    private static final Platform HOST = System.getProperty("os.arch").equals("aarch64")
            ? new Platform("linux", "arm64", "") : Platform.LINUX_AMD64;
    private static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    @TempDir
    static Path out;

    @TempDir
    Path storeRoot;

    /** What each image must hold: its definition's name, its start command, and files it needs. */
    record Expected(String definition, String reference, List<String> entrypoint, List<String> cmd, String user,
                    List<String> env, List<String> ports, String healthProbe, List<String> files) {
    }

    static Stream<Expected> images() {
        List<String> server = List.of("/usr/local/bin/serve");
        return Stream.of(
                new Expected("busybox", "jcompose.local/busybox:1", List.of(), List.of("sh"), "",
                        List.of(PATH), List.of(), null, List.of("bin/busybox", "etc/passwd")),
                new Expected("kvstore", "jcompose.local/kvstore:1", List.of("/usr/local/bin/serve", "/usr/local/bin/kv-server"),
                        List.of(), "", List.of(PATH, "KV_PORT=6379", "KV_DATA=/data"), List.of("6379/tcp"),
                        "kv PING | grep -qx PONG", List.of("usr/local/bin/kv-session", "usr/local/bin/kv")),
                new Expected("quickstart-web", "jcompose.local/quickstart-web:1",
                        concat(server, "httpd", "-f", "-v", "-p", "80", "-h", "/srv/www", "-u", "app:app"), List.of(), "",
                        List.of(PATH, "API_URL=http://api:8000"), List.of("80/tcp"), null,
                        List.of("srv/www/index.html", "srv/www/cgi-bin/api", "usr/local/bin/http-forward")),
                new Expected("quickstart-api", "jcompose.local/quickstart-api:1",
                        concat(server, "httpd", "-f", "-v", "-p", "8000", "-h", "/srv/api", "-u", "app:app"), List.of(), "",
                        List.of(PATH, "KV_ADDR=cache:6379", "GREETING=hello"), List.of("8000/tcp"),
                        "http://127.0.0.1:8000/cgi-bin/health",
                        List.of("srv/api/cgi-bin/hits", "srv/api/cgi-bin/health", "usr/local/bin/kv")),
                new Expected("notes-proxy", "jcompose.local/notes-proxy:1",
                        concat(server, "httpd", "-f", "-v", "-p", "80", "-h", "/srv/www", "-u", "app:app"), List.of(), "",
                        List.of(PATH, "APP_URL=http://app:8080"), List.of("80/tcp"), null,
                        List.of("srv/www/index.html", "srv/www/cgi-bin/app", "usr/local/bin/http-forward")),
                new Expected("notes-app", "jcompose.local/notes-app:1",
                        concat(server, "httpd", "-f", "-v", "-p", "8080", "-h", "/srv/notes", "-u", "app:app"), List.of(), "",
                        List.of(PATH, "KV_ADDR=db:6379"), List.of("8080/tcp"), "http://127.0.0.1:8080/cgi-bin/health",
                        List.of("srv/notes/cgi-bin/notes", "srv/notes/cgi-bin/health", "usr/local/bin/kv")),
                new Expected("jobs", "jcompose.local/jobs:1", List.of(), List.of("worker"), "app",
                        List.of(PATH, "KV_ADDR=queue:6379", "SCHEMA_VERSION=2"), List.of(), null,
                        List.of("usr/local/bin/migrate", "usr/local/bin/producer", "usr/local/bin/worker", "usr/local/bin/kv")));
    }

    static Stream<Arguments> archives() {
        return images().flatMap(e -> Stream.of(Arguments.of(e, "oci"), Arguments.of(e, "docker")));
    }

    private static List<String> concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Stream.of(tail)).toList();
    }

    @BeforeAll
    static void build() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", IMAGES.resolve("build.sh").toString(), "--out", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("archives")
    void archiveLoadsWithItsNameConfigAndFiles(Expected expected, String kind) throws IOException {
        ImageStore store = new ImageStore(storeRoot, new RegistryClient(RegistryOptions.defaults(), CredentialSource.NONE),
                ApplyOptions.defaults().withPrivileged(false));
        List<ImageRecord> loaded;
        try (InputStream in = Files.newInputStream(out.resolve(expected.definition() + "." + kind + ".tar"))) {
            loaded = store.load(in, HOST);
        }
        assertThat(loaded).hasSize(1);
        ImageRecord image = loaded.getFirst();
        assertThat(image.tags()).containsExactly(expected.reference());
        assertThat(store.find(expected.reference())).contains(image);

        ImageConfig config = store.config(image);
        assertThat(config.entrypoint()).isEqualTo(expected.entrypoint());
        assertThat(config.cmd()).isEqualTo(expected.cmd());
        assertThat(config.user()).isEqualTo(expected.user());
        assertThat(config.env()).isEqualTo(expected.env());
        assertThat(config.exposedPorts()).containsExactlyElementsOf(expected.ports());
        if (expected.healthProbe() == null) {
            assertThat(config.healthcheck()).isNull();
        } else {
            assertThat(config.healthcheck()).isNotNull();
            assertThat(config.healthcheck().test()).contains(expected.healthProbe());
            assertThat(config.healthcheck().interval()).isPositive();
        }

        for (String file : expected.files()) {
            Path found = find(store, image, file).orElse(null);
            assertThat(found).as(file).isNotNull();
            assertThat(Files.isExecutable(found) || !file.contains("bin/")).as(file + " is executable").isTrue();
        }
        Path sh = find(store, image, "bin/sh").orElseThrow();
        assertThat(Files.readSymbolicLink(sh)).isEqualTo(Path.of("/bin/busybox"));
        assertThat(Files.readString(find(store, image, "etc/passwd").orElseThrow()))
                .contains("root:x:0:0:", "app:x:1000:1000:", "nobody:x:65534:65534:");
        assertThat(Files.readString(find(store, image, "etc/group").orElseThrow())).contains("app:x:1000:");
        assertThat(Files.getPosixFilePermissions(find(store, image, "tmp").orElseThrow())).hasSize(9);
    }

    /** The file as the container sees it: from the topmost layer that has it. */
    private static Optional<Path> find(ImageStore store, ImageRecord image, String file) {
        List<Digest> chain = image.chainIds();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Path candidate = store.layers().diff(chain.get(i)).resolve(file);
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    @Test
    void everyDefinitionIsChecked() throws IOException {
        try (Stream<Path> defs = Files.list(IMAGES)) {
            assertThat(defs.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf"))
                    .map(n -> n.substring(0, n.length() - ".conf".length())))
                    .containsExactlyInAnyOrderElementsOf(images().map(Expected::definition).toList());
        }
    }

    @Test
    void aSecondBuildWritesTheSameBytes(@TempDir Path again) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", IMAGES.resolve("build.sh").toString(), "--out", again.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                assertThat(Files.mismatch(f, again.resolve(f.getFileName()))).as(f.getFileName().toString()).isEqualTo(-1L);
            }
        }
    }
}
