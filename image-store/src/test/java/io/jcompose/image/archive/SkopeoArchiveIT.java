package io.jcompose.image.archive;

import static io.jcompose.image.fixture.LayerBuilder.layer;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.image.ImageStore;
import io.jcompose.image.auth.CredentialSource;
import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.fixture.BusyboxImages;
import io.jcompose.image.fixture.ImageBuilder;
import io.jcompose.image.fixture.ImageBuilder.Built;
import io.jcompose.image.fixture.ImageBuilder.Compression;
import io.jcompose.image.fixture.RegistryServer;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.push.ImagePusher;
import io.jcompose.image.reference.ImageReference;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.registry.RegistryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives exchanged with an independent implementation: Debian's skopeo writes what we load and reads what we save. */
class SkopeoArchiveIT {
    private static RegistryServer registry;
    private static RegistryClient client;
    private static Built app;
    private static String source;

    @TempDir
    Path temp;

    @BeforeAll
    static void push(@TempDir Path dir) throws IOException {
        registry = RegistryServer.anonymous();
        client = new RegistryClient(RegistryOptions.defaults(), CredentialSource.NONE);
        ContentStore content = new ContentStore(dir);
        // docker-archive has no zstd, so this image is gzip only
        app = new ImageBuilder(content)
                .layer(layer().dir("bin/").file("bin/busybox", BusyboxImages.busybox(), 0755).symlink("bin/sh", "busybox"),
                        Compression.GZIP)
                .layer(layer().dir("app/").file("app/version", "archived\n"), Compression.GZIP).build();
        ImageReference ref = ImageReference.parse(registry.host() + "/it/archived:1");
        new ImagePusher(client, content).push(ref, app.digest(), app.mediaType());
        source = "docker://" + ref;
    }

    @AfterAll
    static void stop() throws IOException {
        if (registry != null) registry.close();
    }

    private ImageStore store(String name) {
        return new ImageStore(temp.resolve(name), client, ApplyOptions.defaults());
    }

    @Test
    void loadsWhatSkopeoWritesAsDockerArchive() throws Exception {
        Path archive = temp.resolve("docker.tar");
        skopeo("copy", "-q", "--src-tls-verify=false", source, "docker-archive:" + archive + ":example.com/team/app:7");
        ImageStore store = store("s");
        ImageRecord image;
        try (InputStream in = Files.newInputStream(archive)) {
            image = store.load(in, Platform.LINUX_AMD64).getFirst();
        }
        assertThat(image.id()).isEqualTo(app.config());
        assertThat(image.tags()).containsExactly("example.com/team/app:7");
        assertThat(Files.readAllBytes(store.layers().diff(image.chainIds().get(0)).resolve("bin/busybox")))
                .isEqualTo(BusyboxImages.busybox());
        assertThat(store.layers().diff(image.chainIds().get(1)).resolve("app/version")).hasContent("archived\n");
    }

    @Test
    void loadsWhatSkopeoWritesAsAnOciLayout() throws Exception {
        Path layout = temp.resolve("layout");
        skopeo("copy", "-q", "--src-tls-verify=false", source, "oci:" + layout + ":example.com/team/app:8");
        ImageRecord image = store("s").loadDirectory(layout, Platform.LINUX_AMD64).getFirst();
        assertThat(image.id()).isEqualTo(app.config());
        assertThat(image.tags()).containsExactly("example.com/team/app:8");
    }

    @Test
    void skopeoReadsWhatWeSave() throws Exception {
        ImageStore store = store("s");
        store.pull(ImageReference.parse(registry.host() + "/it/archived:1"), Platform.LINUX_AMD64, e -> { });
        Path saved = temp.resolve("saved.tar");
        try (OutputStream out = Files.newOutputStream(saved)) {
            store.save(List.of(registry.host() + "/it/archived:1"), out);
        }
        String inspect = skopeo("inspect", "--raw", "docker-archive:" + saved);
        assertThat(inspect).contains(app.config().toString());
        Path copied = temp.resolve("copied");
        skopeo("copy", "-q", "oci-archive:" + saved, "dir:" + copied);
        assertThat(copied.resolve(app.layers().get(0).digest().encoded())).exists();
    }

    private static String skopeo(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("skopeo"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("skopeo failed: " + out);
        return out;
    }
}
