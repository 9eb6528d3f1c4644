package io.jcompose.image.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.image.ImageException;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.manifest.Platform;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCatalogTest {
    @TempDir
    Path dir;

    private static ImageRecord image(String hex, List<String> tags) {
        Digest id = Digest.sha256Hex((hex + "0".repeat(64)).substring(0, 64));
        return new ImageRecord(id, tags, List.of("docker.io/library/redis@" + Digest.sha256(hex.getBytes())), id,
                Platform.LINUX_AMD64, List.of(id), List.of(), 10, "");
    }

    @Test
    void aTagNamesOneImageAndMovingItLeavesTheOldOneDangling() {
        ImageCatalog catalog = new ImageCatalog(dir.resolve("images.json"));
        ImageRecord old = catalog.add(image("a", List.of("docker.io/library/redis:7")));
        ImageRecord fresh = catalog.add(image("b", List.of("docker.io/library/redis:7")));
        assertThat(catalog.find("redis:7")).contains(fresh);
        assertThat(catalog.byId(old.id()).orElseThrow().dangling()).isTrue();
    }

    @Test
    void pullingTheSameImageUnderAnotherNameAddsTheName() {
        ImageCatalog catalog = new ImageCatalog(dir.resolve("images.json"));
        catalog.add(image("a", List.of("docker.io/library/redis:7")));
        ImageRecord both = catalog.add(image("a", List.of("docker.io/library/redis:latest")));
        assertThat(both.tags()).containsExactly("docker.io/library/redis:7", "docker.io/library/redis:latest");
        assertThat(catalog.list()).hasSize(1);
    }

    @Test
    void findsByReferenceIdPrefixAndRepoDigest() {
        ImageCatalog catalog = new ImageCatalog(dir.resolve("images.json"));
        ImageRecord r = catalog.add(image("ab", List.of("docker.io/library/redis:7")));
        assertThat(catalog.find("docker.io/library/redis:7")).contains(r);
        assertThat(catalog.find("ab00")).contains(r);
        assertThat(catalog.find("sha256:" + r.id().encoded())).contains(r);
        assertThat(catalog.find("redis@" + Digest.sha256("ab".getBytes()))).contains(r);
        assertThat(catalog.find("redis:8")).isEmpty();
        assertThat(catalog.find("Not A Reference")).isEmpty();
    }

    @Test
    void anAmbiguousIdPrefixIsAnError() {
        ImageCatalog catalog = new ImageCatalog(dir.resolve("images.json"));
        catalog.add(image("abcd1", List.of()));
        catalog.add(image("abcd2", List.of()));
        assertThat(catalog.find("abcd1")).isPresent();
        assertThatThrownBy(() -> catalog.find("abcd")).isInstanceOf(ImageException.class).hasMessageContaining("ambiguous");
    }

    @Test
    void survivesARestart() {
        ImageCatalog catalog = new ImageCatalog(dir.resolve("images.json"));
        ImageRecord r = catalog.add(image("c", List.of("docker.io/library/redis:7")));
        catalog.untag(r.id(), "docker.io/library/redis:7");
        ImageCatalog reopened = new ImageCatalog(dir.resolve("images.json"));
        assertThat(reopened.list()).containsExactly(r.withTags(List.of()));
        reopened.remove(r.id());
        assertThat(new ImageCatalog(dir.resolve("images.json")).list()).isEmpty();
    }
}
