package io.jcompose.image.layer;

import static io.jcompose.image.fixture.LayerBuilder.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.image.ImageException;
import io.jcompose.image.digest.Digest;
import io.jcompose.image.fixture.LayerBuilder;
import io.jcompose.image.posix.Posix;
import io.jcompose.image.tar.TarEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs without root: ownership and device nodes are covered by LayerApplierRootIT. */
class LayerApplierTest {
    private static final ApplyOptions UNPRIVILEGED =
            new ApplyOptions(ApplyOptions.DEFAULT_MAX_BYTES, ApplyOptions.DEFAULT_MAX_ENTRIES, false);

    @TempDir
    Path temp;
    Path target;
    Path outside;

    @BeforeEach
    void dirs() throws IOException {
        target = Files.createDirectory(temp.resolve("layer"));
        outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "keep");
    }

    private LayerApplier.Result apply(byte[] blob) {
        return new LayerApplier(UNPRIVILEGED).apply(new ByteArrayInputStream(blob), target);
    }

    /**
     * The diff ID covers every byte of the tar, also padding and content the applier passes over. Such
     * bytes were consumed with skip(); when the reader's buffer happened to be empty, skip() went past the
     * hashing stream, so a streamed pull (small reads, nothing "available") got a different ID each time.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("compressions")
    void diffIdHashesEveryByteOfTheTarIncludingSkippedOnes(String name, Function<LayerBuilder, byte[]> encode) {
        LayerBuilder layer = layer().dir("app/").file("app/version", "1\n")
                .device("dev/null", io.jcompose.image.tar.TarEntryType.CHAR_DEVICE, 1, 3)
                .file("app/big", new byte[70_000], 0644);
        byte[] blob = encode.apply(layer);
        // A reader that hands over few bytes at a time, like a download in progress.
        java.io.InputStream trickle = new java.io.FilterInputStream(new ByteArrayInputStream(blob)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 700));
            }

            @Override
            public int available() {
                return 0; // as a network stream: buffers cannot read ahead
            }
        };
        LayerApplier.Result result = new LayerApplier(UNPRIVILEGED).apply(trickle, target);
        assertThat(result.diffId()).isEqualTo(Digest.sha256(layer.tar()));
    }


    @Test
    void unpacksFilesDirectoriesLinksAndModes() throws IOException {
        byte[] bin = {(byte) 0xff, (byte) 0xfe, (byte) 0x80, 0x41, 0x00};
        LayerBuilder l = layer().dir("bin/").file("bin/busybox", "ELF".getBytes(), 04755)
                .add(TarEntry.file("bin/t", 0640, 2).withMtime(1_234_567_890L, 987_654_321)
                        .withXattrs(Map.of("user.bin", bin)), "hi".getBytes())
                .symlink("bin/sh", "busybox").hardlink("bin/ls", "bin/busybox")
                .add(TarEntry.directory("private/", 0700).withMtime(1_500_000_000L, 0), new byte[0])
                .file("private/inner", "x")
                .add(new TarEntry("run/fifo", io.jcompose.image.tar.TarEntryType.FIFO, 0, 0600, 0, 0, 1_600_000_000L, 0,
                        "", 0, 0, Map.of()), new byte[0]);
        LayerApplier.Result result = apply(l.tar());

        assertThat(Files.readString(target.resolve("bin/busybox"))).isEqualTo("ELF");
        assertThat(mode(target.resolve("bin/busybox"))).isEqualTo(04755);
        assertThat(mode(target.resolve("bin/t"))).isEqualTo(0640);
        assertThat(Files.readSymbolicLink(target.resolve("bin/sh")).toString()).isEqualTo("busybox");
        assertThat(Files.getAttribute(target.resolve("bin/ls"), "unix:ino"))
                .isEqualTo(Files.getAttribute(target.resolve("bin/busybox"), "unix:ino"));
        assertThat(mode(target.resolve("private"))).isEqualTo(0700);
        assertThat(Files.getLastModifiedTime(target.resolve("private"), LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(FileTime.fromMillis(1_500_000_000_000L));
        assertThat(Files.getLastModifiedTime(target.resolve("bin/t")).toInstant())
                .isEqualTo(java.time.Instant.ofEpochSecond(1_234_567_890L, 987_654_321));
        assertThat(Posix.lgetxattr(target.resolve("bin/t"), "user.bin")).isEqualTo(bin);
        assertThat(Files.getAttribute(target.resolve("run/fifo"), "unix:mode", LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(Posix.S_IFIFO | 0600);
        assertThat(result.diffId()).isEqualTo(Digest.sha256(l.tar()));
        assertThat(result.bytes()).isEqualTo(6);
    }

    static Stream<Arguments> compressions() {
        return Stream.of(Arguments.of("plain", (Function<LayerBuilder, byte[]>) LayerBuilder::tar),
                Arguments.of("gzip", (Function<LayerBuilder, byte[]>) LayerBuilder::gzip),
                Arguments.of("zstd", (Function<LayerBuilder, byte[]>) LayerBuilder::zstd));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compressions")
    void readsEveryCompressionAndReportsTheUncompressedDigest(String name, Function<LayerBuilder, byte[]> encode)
            throws IOException {
        LayerBuilder l = layer().dir("etc/").file("etc/hostname", "box\n");
        LayerApplier.Result result = apply(encode.apply(l));
        assertThat(Files.readString(target.resolve("etc/hostname"))).isEqualTo("box\n");
        assertThat(result.diffId()).isEqualTo(Digest.sha256(l.tar()));
    }

    @Test
    void whiteoutBecomesACharacterDeviceZeroZero() throws IOException {
        apply(layer().dir("etc/").whiteout("etc/.wh.motd").tar());
        Path motd = target.resolve("etc/motd");
        assertThat(Files.getAttribute(motd, "unix:mode", LinkOption.NOFOLLOW_LINKS)).isEqualTo(Posix.S_IFCHR);
        assertThat(Files.getAttribute(motd, "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0L);
        assertThat(target.resolve("etc/.wh.motd")).doesNotExist();
    }

    @Test
    void opaqueDirectoryIsMarkedForOverlayWithoutTheMarkerFile() throws IOException {
        apply(layer().dir("var/").dir("var/cache/").whiteout("var/cache/.wh..wh..opq").file("var/cache/new", "n").tar());
        assertThat(Posix.lgetxattr(target.resolve("var/cache"), "user.overlay.opaque")).isEqualTo("y".getBytes());
        assertThat(target.resolve("var/cache/.wh..wh..opq")).doesNotExist();
        assertThat(target.resolve("var/cache/new")).exists();
    }

    @Test
    void aFileOfTheSameLayerOutlivesItsWhiteout() throws IOException {
        apply(layer().file("a", "stays").whiteout(".wh.a").tar());
        assertThat(Files.readString(target.resolve("a"))).isEqualTo("stays");
    }

    @Test
    void laterEntriesReplaceEarlierOnes() throws IOException {
        apply(layer().dir("x/").file("x/inner", "1").file("x", "now a file").symlink("y", "x").file("y", "replaced")
                .tar());
        assertThat(Files.readString(target.resolve("x"))).isEqualTo("now a file");
        assertThat(Files.isSymbolicLink(target.resolve("y"))).isFalse();
        assertThat(Files.readString(target.resolve("y"))).isEqualTo("replaced");
    }

    @Test
    void writesThroughAnAbsoluteSymlinkStayInsideTheLayer() throws IOException {
        apply(layer().symlink("s", outside.toString()).file("s/evil", "contained").tar());
        assertThat(outside.resolve("evil")).doesNotExist();
        assertThat(Files.readString(target.resolve(outside.toString().substring(1)).resolve("evil")))
                .isEqualTo("contained");
    }

    @Test
    void aSymlinkClimbingUpIsClampedAtTheRoot() throws IOException {
        apply(layer().dir("d/").symlink("d/up", "..").file("d/up/f", "root level").tar());
        assertThat(Files.readString(target.resolve("f"))).isEqualTo("root level");
    }

    @Test
    void aDirectoryReplacedByASymlinkDoesNotLeakItsDeferredMode() throws IOException {
        Files.setPosixFilePermissions(outside, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        apply(layer().add(TarEntry.directory("d/", 0700), new byte[0]).symlink("d", outside.toString()).tar());
        assertThat(mode(outside)).isEqualTo(0755);
    }

    static Stream<Arguments> hostile() {
        String out = "../outside/secret";
        return Stream.of(
                Arguments.of("dot-dot name", layer().file("../evil", "x"), "climbs out"),
                Arguments.of("nested dot-dot", layer().dir("a/").file("a/../../evil", "x"), "climbs out"),
                Arguments.of("absolute name", layer().file("/evil", "x"), "absolute path"),
                Arguments.of("relative symlink escaping", layer().symlink("s", "../../../../etc"), "points outside"),
                Arguments.of("nested symlink escaping", layer().dir("a/").symlink("a/s", "../../x"), "points outside"),
                Arguments.of("hardlink with dot-dot", layer().hardlink("h", out), "climbs out"),
                Arguments.of("hardlink absolute", layer().hardlink("h", "/etc/passwd"), "absolute path"),
                Arguments.of("hardlink through symlink", layer().symlink("s", "/").hardlink("h", "s/etc/shadow"),
                        "not in this layer"),
                Arguments.of("hardlink to missing", layer().hardlink("h", "nothing"), "not in this layer"),
                Arguments.of("whiteout of parent", layer().dir("a/").whiteout("a/.wh.."), "parent directory"),
                Arguments.of("whiteout of self", layer().whiteout(".wh.."), "parent directory"),
                Arguments.of("whiteout of nothing", layer().whiteout("a/.wh."), "names nothing"),
                Arguments.of("empty symlink", layer().symlink("s", ""), "empty target"),
                Arguments.of("file as directory", layer().file("f", "x").file("f/g", "y"), "to be a directory"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusesHostileEntriesWithoutTouchingAnythingOutside(String name, LayerBuilder l, String reason)
            throws IOException {
        assertThatThrownBy(() -> apply(l.tar())).isInstanceOfSatisfying(ImageException.class, e -> {
            assertThat(e.kind()).isEqualTo(ImageException.Kind.INVALID_ARGUMENT);
            assertThat(e.problem()).startsWith("layer refused").contains(reason);
            assertThat(e.fix()).isNotBlank();
        });
        assertThat(temp.resolve("evil")).doesNotExist();
        assertThat(Files.readString(outside.resolve("secret"))).isEqualTo("keep");
        try (Stream<Path> s = Files.list(outside)) {
            assertThat(s.count()).isEqualTo(1);
        }
    }

    @Test
    void refusesATarBombBeyondTheLimit() {
        byte[] big = layer().file("a", new byte[4096], 0644).file("b", new byte[4096], 0644).gzip();
        assertThatThrownBy(() -> new LayerApplier(UNPRIVILEGED.withMaxBytes(6000))
                .apply(new ByteArrayInputStream(big), target))
                .isInstanceOfSatisfying(ImageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageException.Kind.RESOURCE_EXHAUSTED);
                    assertThat(e.problem()).contains("more than 6000 bytes").contains("\"b\"");
                });
    }

    @Test
    void refusesTooManyEntries() {
        LayerBuilder l = layer();
        for (int i = 0; i < 20; i++) l.file("f" + i, "");
        assertThatThrownBy(() -> new LayerApplier(new ApplyOptions(1 << 20, 10, false))
                .apply(new ByteArrayInputStream(l.tar()), target))
                .hasMessageContaining("more than 10 entries");
    }

    @Test
    void refusesCorruptCompression() {
        byte[] gz = layer().file("a", "content").gzip();
        gz[gz.length / 2] ^= 0x55;
        assertThatThrownBy(() -> apply(gz)).isInstanceOf(ImageException.class);
    }

    @Test
    void withoutPrivilegeDevicesAndSystemAttributesAreSkippedAndCounted() throws IOException {
        byte[] tar = LayerApplierTest.class.getResourceAsStream("/tar/gnu-pax.tar").readAllBytes();
        LayerApplier.Result result = apply(tar);
        assertThat(target.resolve("dir/tty")).doesNotExist();
        assertThat(target.resolve("dir/loop")).doesNotExist();
        assertThat(result.skipped()).isEqualTo(3); // two devices and security.capability
        assertThat(Files.readString(target.resolve("dir/file.txt"))).isEqualTo("hello\n");
        assertThat(Files.readString(target.resolve("dir/" + "x".repeat(150)))).isEqualTo("long\n");
        assertThat(mode(target.resolve("dir/setuid"))).isEqualTo(04755);
        assertThat(new String(Posix.lgetxattr(target.resolve("dir/file.txt"), "user.bin"), StandardCharsets.ISO_8859_1))
                .isEqualTo("\u00ff\u00fe\u0080A\u0000\n");
    }

    static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }
}
