package io.jcompose.image.build.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jcompose.image.build.BuildException;
import io.jcompose.image.fixture.LayerBuilder;
import io.jcompose.image.posix.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LayerFilesTest {
    @TempDir
    Path tmp;
    Path ctx;
    Path layer;

    @BeforeEach
    void context() throws IOException {
        ctx = Files.createDirectories(tmp.resolve("ctx"));
        layer = Files.createDirectories(tmp.resolve("layer"));
        write("a.txt", "a");
        write("b.txt", "b");
        write("dir/x.txt", "x");
        write("dir/sub/y.txt", "y");
    }

    private void write(String name, String content) throws IOException {
        Path p = ctx.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    /** Every path in the layer, relative, directories with a trailing '/'. */
    private List<String> tree() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(layer)) {
            walk.filter(p -> !p.equals(layer)).sorted().forEach(p ->
                    out.add(layer.relativize(p) + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : "")));
        }
        return out;
    }

    private void copy(String dest, boolean destIsDirectory, String... sources) {
        BuildContext c = new BuildContext(ctx, DockerIgnore.none());
        List<Source> selected = Arrays.stream(sources).flatMap(s -> c.select(s).stream()).toList();
        LayerFiles.copy(c, selected, dest, destIsDirectory, layer, null, null);
    }

    static Stream<Arguments> destinations() {
        return Stream.of(
                // sources, dest, dest already a directory in the image, resulting tree
                Arguments.of(List.of("a.txt"), "/app/a", false, List.of("app/", "app/a")),
                Arguments.of(List.of("a.txt"), "/app/", false, List.of("app/", "app/a.txt")),
                Arguments.of(List.of("a.txt"), "/app", true, List.of("app/", "app/a.txt")),
                Arguments.of(List.of("a.txt"), "/", false, List.of("a.txt")),
                Arguments.of(List.of("a.txt"), "/app/.", false, List.of("app/", "app/a.txt")),
                Arguments.of(List.of("a.txt", "b.txt"), "/app", false, List.of("app/", "app/a.txt", "app/b.txt")),
                Arguments.of(List.of("*.txt"), "/app", false, List.of("app/", "app/a.txt", "app/b.txt")),
                Arguments.of(List.of("a.*"), "/app", false, List.of("app/", "app/a.txt")), // a glob means a directory
                Arguments.of(List.of("dir"), "/app", false, List.of("app/", "app/sub/", "app/sub/y.txt", "app/x.txt")),
                Arguments.of(List.of("dir"), "/app/", false, List.of("app/", "app/sub/", "app/sub/y.txt", "app/x.txt")),
                Arguments.of(List.of("dir", "a.txt"), "/app/", false,
                        List.of("app/", "app/a.txt", "app/sub/", "app/sub/y.txt", "app/x.txt")),
                Arguments.of(List.of("dir/sub"), "/", true, List.of("y.txt")),
                Arguments.of(List.of("a.txt"), "/deep/er/path/f", false,
                        List.of("deep/", "deep/er/", "deep/er/path/", "deep/er/path/f")),
                Arguments.of(List.of("a.txt"), "/x/../y/./f", false, List.of("y/", "y/f")));
    }

    @ParameterizedTest(name = "{0} -> {1} (dir: {2})")
    @MethodSource("destinations")
    void followsCopysDestinationRules(List<String> sources, String dest, boolean destIsDirectory, List<String> expected)
            throws IOException {
        copy(dest, destIsDirectory, sources.toArray(String[]::new));
        assertThat(tree()).isEqualTo(expected);
    }

    @Test
    void keepsModesTimesAndSymlinks() throws IOException {
        Path exe = ctx.resolve("dir/run.sh");
        Files.writeString(exe, "#!/bin/sh\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-x---"));
        FileTime when = FileTime.fromMillis(1_500_000_000_123L);
        Files.setLastModifiedTime(exe, when);
        Files.createSymbolicLink(ctx.resolve("dir/link"), Path.of("../outside/anywhere"));
        Files.setPosixFilePermissions(ctx.resolve("dir/sub"), PosixFilePermissions.fromString("rwx------"));

        copy("/app", false, "dir");

        Path copied = layer.resolve("app/run.sh");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copied))).isEqualTo("rwxr-x---");
        assertThat(Files.getLastModifiedTime(copied)).isEqualTo(when);
        assertThat(Files.readString(copied)).isEqualTo("#!/bin/sh\n");
        assertThat(Files.isSymbolicLink(layer.resolve("app/link"))).isTrue();
        assertThat(Files.readSymbolicLink(layer.resolve("app/link"))).isEqualTo(Path.of("../outside/anywhere"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layer.resolve("app/sub"))))
                .isEqualTo("rwx------");
    }

    @Test
    void chmodAppliesToEverythingCopied() throws IOException {
        BuildContext c = new BuildContext(ctx, DockerIgnore.none());
        LayerFiles.copy(c, c.select("dir"), "/app", false, layer, null, 0750);
        for (String p : List.of("app", "app/x.txt", "app/sub", "app/sub/y.txt")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layer.resolve(p)))).as(p)
                    .isEqualTo("rwxr-x---");
        }
    }

    @Test
    void parentsAreCreated0755() throws IOException {
        copy("/usr/local/app/a", false, "a.txt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layer.resolve("usr/local"))))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void chownOwnsTheCopiedTreeAndTheDestinationItCreates() throws IOException {
        assumeTrue(Posix.geteuid() == 0, "setting owners needs root");
        BuildContext c = new BuildContext(ctx, DockerIgnore.none());
        LayerFiles.copy(c, c.select("dir"), "/srv/app", false, layer, new Owner(1234, 5678), null);
        for (String p : List.of("srv/app", "srv/app/x.txt", "srv/app/sub", "srv/app/sub/y.txt")) {
            assertThat(Files.getAttribute(layer.resolve(p), "unix:uid", LinkOption.NOFOLLOW_LINKS)).as(p).isEqualTo(1234);
            assertThat(Files.getAttribute(layer.resolve(p), "unix:gid", LinkOption.NOFOLLOW_LINKS)).as(p).isEqualTo(5678);
        }
        assertThat(Files.getAttribute(layer.resolve("srv"), "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0);
    }

    @Test
    void withoutChownEverythingIsRootOwned() throws IOException {
        assumeTrue(Posix.geteuid() == 0, "setting owners needs root");
        Files.setAttribute(ctx.resolve("a.txt"), "unix:uid", 4321);
        copy("/a", false, "a.txt");
        assertThat(Files.getAttribute(layer.resolve("a"), "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0);
    }

    @Test
    void chownKeepsSetuidWithChmod() throws IOException {
        assumeTrue(Posix.geteuid() == 0, "setting owners needs root");
        BuildContext c = new BuildContext(ctx, DockerIgnore.none());
        LayerFiles.copy(c, c.select("a.txt"), "/bin/tool", false, layer, new Owner(1, 1), 04755);
        assertThat((Integer) Files.getAttribute(layer.resolve("bin/tool"), "unix:mode") & 07777).isEqualTo(04755);
    }

    @Test
    void ignoredFilesAreNotCopied() throws IOException {
        BuildContext c = new BuildContext(ctx, DockerIgnore.parse("dir/sub\n*.txt\n!dir/x.txt"));
        LayerFiles.copy(c, c.select("."), "/app/", false, layer, null, null);
        assertThat(tree()).containsExactly("app/", "app/dir/", "app/dir/x.txt");
    }

    @Test
    void aFifoIsRefusedWithTheReason() throws IOException {
        Posix.mknod(ctx.resolve("dir/pipe"), Posix.S_IFIFO, 0644, 0, 0);
        assertThatThrownBy(() -> copy("/app", false, "dir")).isInstanceOf(BuildException.class)
                .hasMessageContaining("named pipe").hasMessageContaining(".dockerignore");
    }

    @Test
    void aSymlinkWrittenByTheCopyIsReplacedNotFollowed() throws IOException {
        // first source places app/sub -> /etc; the second needs app/sub as a directory
        Path other = Files.createDirectories(tmp.resolve("ctx/one"));
        Files.createSymbolicLink(other.resolve("sub"), Path.of("/etc"));
        copy("/app/", false, "one", "dir");
        assertThat(Files.isDirectory(layer.resolve("app/sub"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.readString(layer.resolve("app/sub/y.txt"))).isEqualTo("y");
    }

    @Test
    void addExtractsAGzipTarAndCopiesEverythingElse() throws IOException {
        byte[] tgz = LayerBuilder.layer().dir("etc").file("etc/motd", "hello").symlink("etc/link", "motd").gzip();
        Files.write(ctx.resolve("rootfs.tar.gz"), tgz);
        write("notes.gz", "not really gzip");
        BuildContext c = new BuildContext(ctx, DockerIgnore.none());
        List<Source> sources = new ArrayList<>(c.select("rootfs.tar.gz"));
        sources.addAll(c.select("notes.gz"));
        LayerFiles.add(c, sources, "/opt", false, layer, null, null);
        assertThat(Files.readString(layer.resolve("opt/etc/motd"))).isEqualTo("hello");
        assertThat(Files.readSymbolicLink(layer.resolve("opt/etc/link"))).isEqualTo(Path.of("motd"));
        assertThat(Files.readString(layer.resolve("opt/notes.gz"))).isEqualTo("not really gzip");
        assertThat(Files.exists(layer.resolve("opt/rootfs.tar.gz"))).isFalse();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"xz", "bzip2"})
    void addExtractsTarsCompressedByTheHostsPrograms(String program) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin", program)), program + " is not installed");
        Path tar = ctx.resolve("rootfs.tar");
        Files.write(tar, LayerBuilder.layer().file("bin/sh", "sh").tar());
        Process p = new ProcessBuilder(program, "-z", tar.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        String name = program.equals("xz") ? "rootfs.tar.xz" : "rootfs.tar.bz2";
        BuildContext c = new BuildContext(ctx, DockerIgnore.none());
        LayerFiles.add(c, c.select(name), "/", true, layer, null, null);
        assertThat(Files.readString(layer.resolve("bin/sh"))).isEqualTo("sh");
    }

    @Test
    void addExtractsAPlainTarToTheRoot() throws IOException {
        Files.write(ctx.resolve("rootfs.tar"), LayerBuilder.layer().file("bin/sh", "sh").tar());
        BuildContext c = new BuildContext(ctx, DockerIgnore.none());
        LayerFiles.add(c, c.select("rootfs.tar"), "/", true, layer, null, null);
        assertThat(Files.readString(layer.resolve("bin/sh"))).isEqualTo("sh");
    }

    @Test
    void addRefusesAnArchiveThatClimbsOut() throws IOException {
        Files.write(ctx.resolve("evil.tar"), LayerBuilder.layer().file("../../escape", "x").tar());
        BuildContext c = new BuildContext(ctx, DockerIgnore.none());
        assertThatThrownBy(() -> LayerFiles.add(c, c.select("evil.tar"), "/", true, layer, null, null))
                .isInstanceOf(BuildException.class).hasMessageContaining("evil.tar");
        assertThat(Files.exists(tmp.resolve("escape"))).isFalse();
    }

    @Test
    void copyDoesNotExtractArchives() throws IOException {
        Files.write(ctx.resolve("rootfs.tar"), LayerBuilder.layer().file("bin/sh", "sh").tar());
        copy("/", true, "rootfs.tar");
        assertThat(tree()).containsExactly("rootfs.tar");
    }

    @Test
    void writeFileWritesAHeredoc() throws IOException {
        LayerFiles.writeFile(layer, "/etc/app/config", "key=value\n", null, null);
        assertThat(Files.readString(layer.resolve("etc/app/config"))).isEqualTo("key=value\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layer.resolve("etc/app/config"))))
                .isEqualTo("rw-r--r--");
        LayerFiles.writeFile(layer, "/etc/app/", "EOF", "x", null, 0600);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(layer.resolve("etc/app/EOF"))))
                .isEqualTo("rw-------");
        assertThatThrownBy(() -> LayerFiles.writeFile(layer, "/etc/", "x", null, null)).isInstanceOf(BuildException.class);
    }
}
