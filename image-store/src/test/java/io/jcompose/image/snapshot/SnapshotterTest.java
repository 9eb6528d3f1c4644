package io.jcompose.image.snapshot;

import static io.jcompose.image.fixture.LayerBuilder.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.image.ImageException;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.layer.ChainId;
import io.jcompose.image.layer.LayerApplier;
import io.jcompose.image.layer.LayerStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotterTest {
    @TempDir
    Path root;

    /** Unpacks {@code n} one-file layers and returns their chain IDs, bottom first. */
    private List<Digest> layers(LayerStore store, int n) {
        List<byte[]> tars = new ArrayList<>();
        List<Digest> diffIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] tar = layer().file("f" + i, "layer " + i).tar();
            tars.add(tar);
            diffIds.add(Digest.sha256(tar));
        }
        List<Digest> chain = ChainId.of(diffIds);
        for (int i = 0; i < n; i++) {
            byte[] tar = tars.get(i);
            store.unpack(chain.get(i), diffIds.get(i), () -> new ByteArrayInputStream(tar));
        }
        return chain;
    }

    private LayerStore store() {
        return new LayerStore(root, new LayerApplier(ApplyOptions.defaults().withPrivileged(false)));
    }

    @Test
    void describesAnOverlayWithLayersTopFirstAndAbsolutePaths() {
        LayerStore store = store();
        List<Digest> chain = layers(store, 3);
        Mount m = new Snapshotter(root, store, true).prepare("c1", chain);
        Path abs = root.toAbsolutePath();
        assertThat(m.type()).isEqualTo("overlay");
        assertThat(m.workingDirectory()).isNull();
        assertThat(m.options()).containsExactly(
                "lowerdir=" + abs.resolve(store.shortPath(chain.get(2))) + ":" + abs.resolve(store.shortPath(chain.get(1)))
                        + ":" + abs.resolve(store.shortPath(chain.get(0))),
                "upperdir=" + abs.resolve("snapshots/c1/upper"), "workdir=" + abs.resolve("snapshots/c1/work"));
        assertThat(Files.isDirectory(abs.resolve(store.shortPath(chain.get(0))))).isTrue();
        assertThat(abs.resolve(store.shortPath(chain.get(0))).resolve("f0")).hasContent("layer 0");
        assertThat(m.command(Path.of("/mnt"))).containsExactly("mount", "-t", "overlay", "-o", m.data(), "overlay", "/mnt");
    }

    @Test
    void unprivilegedStoresAskForUserXattrs() {
        LayerStore store = store();
        assertThat(new Snapshotter(root, store, false).prepare("c1", layers(store, 1)).options()).contains("userxattr");
    }

    @Test
    void manyLayersSwitchToRelativePathsWithinThePageLimit() {
        LayerStore store = store();
        List<Digest> chain = layers(store, 150);
        Mount m = new Snapshotter(root, store, true).prepare("big", chain);
        assertThat(m.workingDirectory()).isEqualTo(root.toAbsolutePath());
        assertThat(m.data().length()).isLessThanOrEqualTo(Snapshotter.MAX_MOUNT_DATA);
        assertThat(m.options().getFirst()).startsWith("lowerdir=l/" + chain.get(149).encoded().substring(0, 12) + ":");
        assertThat(m.options()).contains("upperdir=snapshots/big/upper");
        for (String lower : m.options().getFirst().substring("lowerdir=".length()).split(":")) {
            assertThat(Files.isDirectory(root.resolve(lower))).isTrue();
        }
    }

    @Test
    void tooManyLayersForOneMountAreRefusedClearly() {
        LayerStore store = store();
        List<Digest> chain = layers(store, 300);
        assertThatThrownBy(() -> new Snapshotter(root, store, true).prepare("huge", chain))
                .isInstanceOfSatisfying(ImageException.class, e -> assertThat(e.problem()).contains("300 layers"));
    }

    @Test
    void anImageWithoutLayersStandsOnAnEmptyDirectory() {
        Mount m = new Snapshotter(root, store(), true).prepare("empty", List.of());
        assertThat(m.options().getFirst()).isEqualTo("lowerdir=" + root.toAbsolutePath().resolve("layers/.empty"));
    }

    @Test
    void preparingAgainReturnsTheSameMountAndRemoveDeletes() {
        LayerStore store = store();
        List<Digest> chain = layers(store, 2);
        Snapshotter s = new Snapshotter(root, store, true);
        Mount first = s.prepare("c1", chain);
        assertThat(s.prepare("c1", chain)).isEqualTo(first);
        assertThat(s.keys()).containsExactly("c1");
        assertThat(s.layersInUse()).containsExactlyInAnyOrderElementsOf(chain);
        assertThatThrownBy(() -> s.prepare("c1", chain.subList(0, 1))).isInstanceOf(ImageException.class);
        s.remove("c1");
        assertThat(s.keys()).isEmpty();
        assertThatThrownBy(() -> s.prepare("../escape", chain)).hasMessageContaining("invalid snapshot key");
    }
}
