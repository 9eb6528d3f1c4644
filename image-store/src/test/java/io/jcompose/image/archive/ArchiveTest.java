package io.jcompose.image.archive;

import static io.jcompose.image.fixture.LayerBuilder.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageStore;
import io.jcompose.image.auth.CredentialSource;
import io.jcompose.image.catalog.ImageRecord;
import io.jcompose.image.config.ConfigTranslator;
import io.jcompose.image.config.ImageConfig;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.manifest.Platform;
import io.jcompose.image.registry.RegistryClient;
import io.jcompose.image.registry.RegistryOptions;
import io.jcompose.image.tar.TarEntry;
import io.jcompose.image.tar.TarEntryType;
import io.jcompose.image.tar.TarReader;
import io.jcompose.image.tar.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {
    @TempDir
    Path temp;

    private ImageStore store(String name) {
        return new ImageStore(temp.resolve(name), new RegistryClient(RegistryOptions.defaults(), CredentialSource.NONE),
                ApplyOptions.defaults().withPrivileged(false));
    }

    /** A legacy {@code docker save} archive: {@code <id>/layer.tar}, {@code <config>.json}, repositories. */
    private static byte[] dockerSave(boolean gzip) throws IOException {
        byte[] l1 = layer().dir("bin/").file("bin/hello", "hi\n").tar();
        byte[] l2 = layer().dir("etc/").file("etc/conf", "x=1\n").whiteout("bin/.wh.hello").tar();
        ImageConfig config = new ImageConfig(Platform.LINUX_AMD64, "", List.of("A=1"), List.of(), List.of("/bin/hello"),
                "/", Set.of(), Set.of(), null, "", Map.of(), List.of(Digest.sha256(l1), Digest.sha256(l2)), "");
        byte[] configBytes = ConfigTranslator.write(config);
        String configName = Digest.sha256(configBytes).encoded() + ".json";
        String manifest = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"hello:1\",\"example.com/team/hello:latest\"],"
                + "\"Layers\":[\"aaa/layer.tar\",\"bbb/layer.tar\"]}]";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = gzip ? new GZIPOutputStream(bytes) : bytes; TarWriter w = new TarWriter(out)) {
            w.put(TarEntry.directory("aaa/", 0755), new byte[0]);
            w.put(TarEntry.file("aaa/layer.tar", 0644, l1.length), l1);
            w.put(TarEntry.file("aaa/json", 0644, 2), "{}".getBytes());
            w.put(TarEntry.file("bbb/layer.tar", 0644, l2.length), l2);
            w.put(TarEntry.file(configName, 0644, configBytes.length), configBytes);
            byte[] m = manifest.getBytes(StandardCharsets.UTF_8);
            w.put(TarEntry.file("manifest.json", 0644, m.length), m);
            w.put(TarEntry.file("repositories", 0644, 2), "{}".getBytes());
        }
        return bytes.toByteArray();
    }

    @Test
    void loadsADockerSaveArchiveAndKeepsOnlyWhatItUses() throws IOException {
        ImageStore store = store("a");
        List<ImageRecord> loaded = store.load(new ByteArrayInputStream(dockerSave(true)), Platform.LINUX_AMD64);
        assertThat(loaded).hasSize(1);
        ImageRecord image = loaded.getFirst();
        assertThat(image.tags()).containsExactly("docker.io/library/hello:1", "example.com/team/hello:latest");
        assertThat(store.find("hello:1")).contains(image);
        assertThat(store.config(image).cmd()).containsExactly("/bin/hello");
        assertThat(store.layers().diff(image.chainIds().get(0)).resolve("bin/hello")).hasContent("hi\n");
        assertThat(Files.exists(store.layers().diff(image.chainIds().get(1)).resolve("bin/hello"),
                java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
        // manifest.json, repositories and aaa/json are not part of any image
        assertThat(store.content().list()).containsExactlyInAnyOrderElementsOf(image.blobs());
    }

    @Test
    void savesWhatLoadsBackAsTheSameImage() throws IOException {
        ImageStore first = store("a");
        ImageRecord image = first.load(new ByteArrayInputStream(dockerSave(false)), Platform.LINUX_AMD64).getFirst();
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        first.save(List.of("hello:1"), saved);

        List<String> names = new ArrayList<>();
        try (TarReader r = new TarReader(new ByteArrayInputStream(saved.toByteArray()))) {
            for (TarEntry e; (e = r.next()) != null; ) if (e.type() == TarEntryType.FILE) names.add(e.name());
        }
        assertThat(names).contains("oci-layout", "index.json", "manifest.json", "blobs/sha256/" + image.id().encoded());

        ImageStore second = store("b");
        ImageRecord reloaded = second.load(new ByteArrayInputStream(saved.toByteArray()), Platform.LINUX_AMD64).getFirst();
        assertThat(reloaded.id()).isEqualTo(image.id());
        assertThat(reloaded.chainIds()).isEqualTo(image.chainIds());
        assertThat(reloaded.tags()).containsExactlyElementsOf(image.tags());
    }

    @Test
    void loadsAnOciLayoutDirectory() throws IOException {
        ImageStore first = store("a");
        ImageRecord image = first.load(new ByteArrayInputStream(dockerSave(false)), Platform.LINUX_AMD64).getFirst();
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        first.save(List.of(image.id().toString()), saved);
        Path layout = temp.resolve("layout");
        try (TarReader r = new TarReader(new ByteArrayInputStream(saved.toByteArray()))) {
            for (TarEntry e; (e = r.next()) != null; ) {
                if (e.type() != TarEntryType.FILE || e.name().equals("manifest.json")) continue;
                Path p = layout.resolve(e.name());
                Files.createDirectories(p.getParent());
                try (InputStream in = r.content()) {
                    Files.copy(in, p);
                }
            }
        }
        ImageRecord loaded = store("c").loadDirectory(layout, Platform.LINUX_AMD64).getFirst();
        assertThat(loaded.id()).isEqualTo(image.id());
        assertThat(loaded.tags()).containsExactlyInAnyOrderElementsOf(image.tags());
    }

    @Test
    void anOciBlobThatDoesNotMatchItsNameIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarWriter w = new TarWriter(bytes)) {
            w.put(TarEntry.file("blobs/sha256/" + "a".repeat(64), 0644, 4), "evil".getBytes());
            w.put(TarEntry.file("index.json", 0644, 2), "{}".getBytes());
        }
        ImageStore store = store("a");
        assertThatThrownBy(() -> store.load(new ByteArrayInputStream(bytes.toByteArray()), Platform.LINUX_AMD64))
                .isInstanceOfSatisfying(ImageException.class, e -> assertThat(e.problem()).contains("does not match its digest"));
        assertThat(store.content().list()).isEmpty();
    }

    @Test
    void aMissingLayerFileIsNamed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] config = ConfigTranslator.write(new ImageConfig(Platform.LINUX_AMD64, "", List.of(), List.of(), List.of(), "",
                Set.of(), Set.of(), null, "", Map.of(), List.of(Digest.sha256("x".getBytes())), ""));
        byte[] manifest = "[{\"Config\":\"c.json\",\"RepoTags\":[\"x:1\"],\"Layers\":[\"gone/layer.tar\"]}]".getBytes();
        try (TarWriter w = new TarWriter(bytes)) {
            w.put(TarEntry.file("c.json", 0644, config.length), config);
            w.put(TarEntry.file("manifest.json", 0644, manifest.length), manifest);
        }
        ImageStore store = store("a");
        assertThatThrownBy(() -> store.load(new ByteArrayInputStream(bytes.toByteArray()), Platform.LINUX_AMD64))
                .hasMessageContaining("gone/layer.tar");
        assertThat(store.list()).isEmpty();
        assertThat(store.content().list()).isEmpty();
    }

    @Test
    void aFileThatIsNoArchiveIsRefusedClearly() {
        assertThatThrownBy(() -> store("a").load(new ByteArrayInputStream("hello".repeat(200).getBytes()), Platform.LINUX_AMD64))
                .isInstanceOfSatisfying(ImageException.class, e -> assertThat(e.fix()).contains("docker save"));
    }
}
