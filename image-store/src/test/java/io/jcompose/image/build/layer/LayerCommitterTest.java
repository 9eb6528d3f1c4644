package io.jcompose.image.build.layer;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.image.blob.ContentStore;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.layer.ApplyOptions;
import io.jcompose.image.layer.ChainId;
import io.jcompose.image.layer.LayerApplier;
import io.jcompose.image.layer.LayerStore;
import io.jcompose.image.posix.Posix;
import io.jcompose.image.tar.TarEntry;
import io.jcompose.image.tar.TarReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing upper dirs as layers; runs without root (whiteouts as 0/0 devices need Linux ≥ 5.8). */
class LayerCommitterTest {
    private static final FileTime T = FileTime.fromMillis(1_700_000_000_123L);

    @TempDir
    Path root;
    ContentStore content;
    LayerStore layers;
    LayerCommitter committer;

    @BeforeEach
    void store() {
        content = new ContentStore(root);
        boolean privileged = Posix.geteuid() == 0;
        layers = new LayerStore(root, new LayerApplier(new ApplyOptions(ApplyOptions.DEFAULT_MAX_BYTES,
                ApplyOptions.DEFAULT_MAX_ENTRIES, privileged)));
        committer = new LayerCommitter(content, layers);
    }

    /** An upper dir as overlayfs leaves it after `rm /etc/gone; rm -rf /var/cache; mkdir /var/cache; ...`. */
    private Path upper(String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve("work").resolve(name));
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/motd"), "hello\n");
        Files.createLink(dir.resolve("etc/motd2"), dir.resolve("etc/motd"));
        Posix.mknod(dir.resolve("etc/gone"), Posix.S_IFCHR, 0, 0, 0);
        Files.createDirectories(dir.resolve("var/cache"));
        Files.writeString(dir.resolve("var/cache/new"), "new\n");
        Posix.lsetxattr(dir.resolve("var/cache"), "user.overlay.opaque", "y".getBytes());
        Posix.lsetxattr(dir.resolve("var/cache"), "user.overlay.origin", new byte[] {1, 2});
        Posix.lsetxattr(dir.resolve("etc/motd"), "user.b", "2".getBytes());
        Posix.lsetxattr(dir.resolve("etc/motd"), "user.a", "1".getBytes());
        Files.createSymbolicLink(dir.resolve("bin"), Path.of("usr/bin"));
        for (String p : List.of("etc/motd", "etc/gone", "var/cache/new", "var/cache", "var", "etc")) {
            Files.setLastModifiedTime(dir.resolve(p), T);
        }
        Posix.lutimes(dir.resolve("bin"), 1_700_000_000L, 0);
        return dir;
    }

    private List<TarEntry> entries(Digest blob) throws IOException {
        List<TarEntry> result = new ArrayList<>();
        try (InputStream in = content.open(blob); TarReader tar = new TarReader(in)) {
            for (TarEntry e; (e = tar.next()) != null; ) result.add(e);
        }
        return result;
    }

    @Test
    void translatesWhiteoutsAndOpaqueDirectoriesAndSortsEntries() throws IOException {
        BuiltLayer layer = committer.commit(upper("a"), null).orElseThrow();

        List<TarEntry> entries = entries(layer.blob());
        assertThat(entries).extracting(TarEntry::name).containsExactly("bin", "etc/", "etc/.wh.gone", "etc/motd",
                "etc/motd2", "var/", "var/cache/", "var/cache/.wh..wh..opq", "var/cache/new");
        TarEntry motd = entries.get(3);
        assertThat(motd.mtimeSeconds()).isEqualTo(1_700_000_000L);
        assertThat(motd.mtimeNanos()).isZero();
        assertThat(motd.xattrs()).containsOnlyKeys("user.a", "user.b");
        assertThat(entries.get(4).linkName()).isEqualTo("etc/motd");
        assertThat(entries.get(0).linkName()).isEqualTo("usr/bin");
        assertThat(entries.get(6).xattrs()).as("overlayfs' own attributes stay out").isEmpty();
        assertThat(layer.diffId()).isEqualTo(layer.blob());
        assertThat(layer.chainId()).isEqualTo(layer.diffId());
        assertThat(content.size(layer.blob())).isEqualTo(layer.size());
    }

    @Test
    void theDirectoryIsAdoptedAsTheLayerNotCopied() throws IOException {
        Path dir = upper("a");
        Object inode = Files.getAttribute(dir.resolve("etc/motd"), "unix:ino");
        Digest parent = Digest.sha256("parent".getBytes(StandardCharsets.UTF_8));

        BuiltLayer layer = committer.commit(dir, parent).orElseThrow();

        assertThat(layer.chainId()).isEqualTo(ChainId.of(List.of(parent, layer.diffId())).getLast());
        assertThat(dir).doesNotExist();
        Path diff = layers.diff(layer.chainId());
        assertThat(Files.getAttribute(diff.resolve("etc/motd"), "unix:ino")).isEqualTo(inode);
        assertThat(Files.readSymbolicLink(root.resolve(layers.shortPath(layer.chainId())))).isEqualTo(
                Path.of("..", "layers", layer.chainId().encoded(), "diff"));
        assertThat(Files.readString(root.resolve(layers.shortPath(layer.chainId())).resolve("var/cache/new")))
                .isEqualTo("new\n");
        try (var ingest = Files.list(root.resolve("ingest"))) {
            assertThat(ingest).isEmpty();
        }
    }

    @Test
    void theSameFilesGiveTheSameDiffIdAndAnExistingLayerIsKept() throws IOException {
        BuiltLayer first = committer.commit(upper("a"), null).orElseThrow();
        Path again = upper("b");

        BuiltLayer second = committer.commit(again, null).orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(again).doesNotExist();
        assertThat(layers.list()).containsExactly(first.chainId());
    }

    @Test
    void aChangedFileChangesTheDiffId() throws IOException {
        BuiltLayer first = committer.commit(upper("a"), null).orElseThrow();
        Path changed = upper("b");
        Files.writeString(changed.resolve("var/cache/new"), "newer\n");
        Files.setLastModifiedTime(changed.resolve("var/cache/new"), T);

        assertThat(committer.commit(changed, null).orElseThrow().diffId()).isNotEqualTo(first.diffId());
    }

    @Test
    void anEmptyDirectoryMakesNoLayer() throws IOException {
        Path empty = Files.createDirectories(root.resolve("work/empty"));

        Optional<BuiltLayer> layer = committer.commit(empty, null);

        assertThat(layer).isEmpty();
        assertThat(empty).doesNotExist();
        assertThat(content.list()).isEmpty();
    }

    @Test
    void theBlobUnpacksBackToTheSameTreeAndHash() throws IOException {
        BuiltLayer layer = committer.commit(upper("a"), null).orElseThrow();
        Path unpacked = Files.createDirectory(root.resolve("unpacked"));
        LayerApplier.Result result;
        try (InputStream in = content.open(layer.blob())) {
            result = new LayerApplier(new ApplyOptions(ApplyOptions.DEFAULT_MAX_BYTES, ApplyOptions.DEFAULT_MAX_ENTRIES,
                    false)).apply(in, unpacked);
        }
        assertThat(result.diffId()).isEqualTo(layer.diffId());
        assertThat(Files.getAttribute(unpacked.resolve("etc/gone"), "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0L);
        assertThat(Posix.lgetxattr(unpacked.resolve("var/cache"), "user.overlay.opaque")).isEqualTo("y".getBytes());
    }

    @Test
    void deviceNumbersDecodeAsGlibcEncodesThem() {
        long rdev = (0x123L & 0xfff) << 8 | (0x45L & 0xff) | (0x6700L & ~0xffL) << 12 | (0xabc000L & ~0xfffL) << 32;
        assertThat(UpperTar.major(rdev)).isEqualTo(0xabc123);
        assertThat(UpperTar.minor(rdev)).isEqualTo(0x6745);
    }
}
