package io.jcompose.image.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.image.ImageException;
import io.jcompose.image.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestTranslatorTest {
    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);
    private static final String C = "sha256:" + "c".repeat(64);
    private static final String D = "sha256:" + "d".repeat(64);
    private static final String E = "sha256:" + "e".repeat(64);

    /** Shaped like Docker Hub's index for an official image, with a buildkit attestation. */
    static final String INDEX = """
            {"manifests":[
              {"annotations":{"org.opencontainers.image.revision":"x"},"digest":"%s","mediaType":"application/vnd.oci.image.manifest.v1+json","platform":{"architecture":"amd64","os":"linux"},"size":2290},
              {"digest":"%s","mediaType":"application/vnd.oci.image.manifest.v1+json","platform":{"architecture":"unknown","os":"unknown"},"size":841},
              {"digest":"%s","mediaType":"application/vnd.oci.image.manifest.v1+json","platform":{"architecture":"arm","os":"linux","variant":"v7"},"size":2290},
              {"digest":"%s","mediaType":"application/vnd.oci.image.manifest.v1+json","platform":{"architecture":"arm64","os":"linux","variant":"v8"},"size":2290}
            ],"mediaType":"application/vnd.oci.image.index.v1+json","schemaVersion":2}
            """.formatted(A, B, C, D);

    @Test
    void readsAnIndexAndSkipsAttestations() {
        ImageIndex index = (ImageIndex) parse(INDEX, null);
        assertThat(index.manifests()).hasSize(4);
        assertThat(index.select(Platform.LINUX_AMD64, "x").digest()).isEqualTo(Digest.parse(A));
        assertThat(index.select(Platform.parse("linux/arm64"), "x").digest()).isEqualTo(Digest.parse(D));
        assertThat(index.select(Platform.parse("linux/aarch64/v8"), "x").digest()).isEqualTo(Digest.parse(D));
        assertThat(index.select(Platform.parse("linux/arm/v7"), "x").digest()).isEqualTo(Digest.parse(C));
    }

    @Test
    void aMissingPlatformListsWhatThereIs() {
        ImageIndex index = (ImageIndex) parse(INDEX, null);
        assertThatThrownBy(() -> index.select(Platform.parse("linux/s390x"), "redis:7"))
                .isInstanceOfSatisfying(ImageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageException.Kind.NOT_FOUND);
                    assertThat(e.problem()).contains("redis:7").contains("linux/s390x")
                            .contains("linux/amd64, linux/arm/v7, linux/arm64").doesNotContain("unknown");
                });
    }

    @Test
    void readsADockerSchema2Manifest() {
        String json = """
                {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
                 "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":1457,"digest":"%s"},
                 "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":3,"digest":"%s"},
                           {"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":4,"digest":"%s"}]}
                """.formatted(A, B, E);
        ImageManifest m = (ImageManifest) parse(json, null);
        assertThat(m.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
        assertThat(m.config().size()).isEqualTo(1457);
        assertThat(m.layers()).extracting(Descriptor::digest).containsExactly(Digest.parse(B), Digest.parse(E));
    }

    @Test
    void takesTheMediaTypeFromTheHeaderWhenTheDocumentOmitsIt() {
        String json = """
                {"schemaVersion":2,"config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":1,"digest":"%s"},"layers":[]}
                """.formatted(A);
        assertThat(parse(json, "application/vnd.oci.image.manifest.v1+json; charset=utf-8").mediaType())
                .isEqualTo(MediaTypes.OCI_MANIFEST);
    }

    @Test
    void roundTripsThroughTheWriter() {
        ImageManifest m = new ImageManifest(MediaTypes.OCI_MANIFEST, Descriptor.of(MediaTypes.OCI_CONFIG, Digest.parse(A), 10),
                List.of(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.parse(B), 20)));
        assertThat(ManifestTranslator.parse(ManifestTranslator.write(m), null, "m")).isEqualTo(m);
        ImageIndex i = new ImageIndex(MediaTypes.OCI_INDEX, List.of(Descriptor.of(MediaTypes.OCI_MANIFEST,
                Digest.parse(C), 30).withPlatform(Platform.parse("linux/arm/v7"))));
        assertThat(ManifestTranslator.parse(ManifestTranslator.write(i), null, "i")).isEqualTo(i);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"schemaVersion":1,"name":"x","tag":"y","fsLayers":[]}                                   | schema 1
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]} | no config
            {"schemaVersion":2,"mediaType":"application/vnd.cncf.helm.chart.v1+json"}                | not an image
            not json                                                                                  | not valid JSON
            """)
    void refusesWhatIsNotAnImage(String json, String reason) {
        assertThatThrownBy(() -> parse(json, null)).isInstanceOf(ImageException.class).hasMessageContaining(reason);
    }

    private static ManifestDocument parse(String json, String contentType) {
        return ManifestTranslator.parse(json.getBytes(StandardCharsets.UTF_8), contentType, "manifest of test");
    }
}
