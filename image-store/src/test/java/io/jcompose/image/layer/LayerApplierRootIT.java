package io.jcompose.image.layer;

import static io.jcompose.image.fixture.LayerBuilder.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.image.posix.Posix;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only root can do: owners, device nodes, security.* and trusted.* attributes. */
@Tag("root")
class LayerApplierRootIT {
    @TempDir
    Path target;

    @BeforeEach
    void root() {
        assumeTrue(Posix.geteuid() == 0, "needs root");
    }

    @Test
    void keepsOwnersDevicesAndCapabilitiesFromGnuTar() throws IOException {
        byte[] tar = LayerApplierRootIT.class.getResourceAsStream("/tar/gnu-pax.tar").readAllBytes();
        LayerApplier.Result result = new LayerApplier(ApplyOptions.defaults()).apply(new ByteArrayInputStream(tar), target);
        assertThat(result.skipped()).isZero();
        Path file = target.resolve("dir/file.txt");
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(1234);
        assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(5678);
        assertThat(Files.getAttribute(target.resolve("dir/hard"), "unix:uid")).isEqualTo(1234);
        assertThat(Posix.lgetxattr(target.resolve("dir/ping"), "security.capability"))
                .isEqualTo(HexFormat.of().parseHex("0100000280200000000000000000000000000000"));
        Path tty = target.resolve("dir/tty");
        assertThat((Integer) Files.getAttribute(tty, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000).isEqualTo(Posix.S_IFCHR);
        assertThat(Files.getAttribute(tty, "unix:rdev")).isEqualTo(0x0500L);
        Path loop = target.resolve("dir/loop");
        assertThat((Integer) Files.getAttribute(loop, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000).isEqualTo(Posix.S_IFBLK);
        assertThat(Files.getAttribute(loop, "unix:rdev")).isEqualTo(0x0703L);
        assertThat((Integer) Files.getAttribute(target.resolve("dir/setuid"), "unix:mode") & 07777).isEqualTo(04755);
    }

    @Test
    void opaqueDirectoriesGetTheTrustedOverlayAttribute() throws IOException {
        new LayerApplier(ApplyOptions.defaults()).apply(new ByteArrayInputStream(
                layer().dir("etc/").whiteout("etc/.wh..wh..opq").tar()), target);
        assertThat(Posix.lgetxattr(target.resolve("etc"), "trusted.overlay.opaque")).isEqualTo("y".getBytes());
    }

    @Test
    void symlinkOwnershipIsSetOnTheLinkItself() throws IOException {
        new LayerApplier(ApplyOptions.defaults()).apply(new ByteArrayInputStream(layer()
                .add(io.jcompose.image.tar.TarEntry.symlink("l", "/etc/passwd").withOwner(42, 43), new byte[0]).tar()), target);
        assertThat(Files.getAttribute(target.resolve("l"), "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(42);
        assertThat(Files.getAttribute(Path.of("/etc/passwd"), "unix:uid")).isEqualTo(0);
    }
}
