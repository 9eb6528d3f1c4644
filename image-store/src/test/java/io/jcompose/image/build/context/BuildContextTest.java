package io.jcompose.image.build.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.image.build.BuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BuildContextTest {
    @TempDir
    Path tmp;
    Path ctx;

    @BeforeEach
    void context() throws IOException {
        ctx = Files.createDirectories(tmp.resolve("ctx"));
        write("a.txt", "a");
        write("b.txt", "b");
        write("c.md", "c");
        write("src/main/App.java", "class App {}");
        write("src/test/AppTest.java", "class AppTest {}");
        write("build/out.bin", "out");
        write("build/keep.txt", "keep");
        Files.writeString(tmp.resolve("secret"), "outside");
    }

    private void write(String name, String content) throws IOException {
        Path p = ctx.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private BuildContext context(String ignore) {
        return new BuildContext(ctx, DockerIgnore.parse(ignore));
    }

    private static List<String> names(List<Source> sources) {
        return sources.stream().map(Source::relativePath).toList();
    }

    static Stream<Arguments> selections() {
        return Stream.of(
                Arguments.of("a.txt", List.of("a.txt")),
                Arguments.of("./a.txt", List.of("a.txt")),
                Arguments.of("/a.txt", List.of("a.txt")), // '/' is the context root
                Arguments.of("src/../a.txt", List.of("a.txt")),
                Arguments.of("*.txt", List.of("a.txt", "b.txt")),
                Arguments.of("?.md", List.of("c.md")),
                Arguments.of("[ab].txt", List.of("a.txt", "b.txt")),
                Arguments.of("src/*/*.java", List.of("src/main/App.java", "src/test/AppTest.java")),
                Arguments.of("*/main", List.of("src/main")),
                Arguments.of(".", List.of(".")),
                Arguments.of("src", List.of("src")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("selections")
    void selectsPathsAndGlobs(String source, List<String> expected) {
        assertThat(names(context("").select(source))).isEqualTo(expected);
    }

    @Test
    void sourcesKnowWhetherTheyAreDirectories() {
        Source src = context("").select("src").getFirst();
        assertThat(src.directory()).isTrue();
        assertThat(src.path()).isEqualTo(ctx.resolve("src"));
        assertThat(context("").select("a.txt").getFirst().directory()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret", "/../../etc/passwd", "src/../../secret", "../ctx/a.txt"})
    void refusesSourcesOutsideTheContext(String source) {
        assertThatThrownBy(() -> context("").select(source)).isInstanceOf(BuildException.class)
                .hasMessageContaining("outside the build context");
    }

    @Test
    void aSymlinkPointingOutsideIsResolvedInsideTheContextNeverOnTheHost() throws IOException {
        Files.createSymbolicLink(ctx.resolve("up"), Path.of("../secret"));
        Files.createSymbolicLink(ctx.resolve("abs"), tmp.resolve("secret"));
        assertThatThrownBy(() -> context("").select("up")).isInstanceOf(BuildException.class)
                .hasMessageContaining("points outside the build context");
        assertThatThrownBy(() -> context("").select("abs")).isInstanceOf(BuildException.class)
                .hasMessageContaining("points outside the build context");
    }

    @Test
    void anAbsoluteSymlinkStartsAgainAtTheContextRoot() throws IOException {
        // like a chroot: "/a.txt" names the context's own a.txt
        Files.createSymbolicLink(ctx.resolve("link"), Path.of("/a.txt"));
        Files.createSymbolicLink(ctx.resolve("srclink"), Path.of("src"));
        Source link = context("").select("link").getFirst();
        assertThat(link.relativePath()).isEqualTo("link");
        assertThat(link.path()).isEqualTo(ctx.resolve("a.txt"));
        assertThat(context("").select("srclink/main/App.java").getFirst().path())
                .isEqualTo(ctx.resolve("src/main/App.java"));
    }

    @Test
    void aMissingSourceIsNamed() {
        assertThatThrownBy(() -> context("").select("nope/*.txt")).isInstanceOf(BuildException.class)
                .hasMessageContaining("\"nope/*.txt\" does not exist");
    }

    @Test
    void anIgnoredSourceSaysSo() {
        assertThatThrownBy(() -> context("*.txt").select("a.txt")).isInstanceOf(BuildException.class)
                .hasMessageContaining(".dockerignore");
        assertThat(names(context("a.txt").select("*.txt"))).containsExactly("b.txt");
    }

    @Test
    void anExcludedDirectoryWithReincludedFilesCanStillBeCopied() {
        BuildContext c = context("build\n!build/keep.txt");
        Source build = c.select("build").getFirst();
        assertThat(c.entries(build)).extracting(ContextTree.Entry::name).containsExactly("", "keep.txt");
        assertThatThrownBy(() -> c.select("build/out.bin")).hasMessageContaining(".dockerignore");
    }

    @Test
    void urlsAreRefused() {
        assertThatThrownBy(() -> context("").select("https://example.com/x.tar.gz")).isInstanceOf(BuildException.class)
                .hasMessageContaining("offline");
    }

    @Test
    void hashChangesWithOneByteOfOneFile() throws IOException {
        BuildContext c = context("");
        String before = c.hash(c.select("."));
        assertThat(c.hash(c.select("."))).isEqualTo(before);
        write("src/main/App.java", "class App {}".replace('A', 'B'));
        assertThat(c.hash(c.select("."))).isNotEqualTo(before);
    }

    @Test
    void hashIgnoresIgnoredFilesAndSeesModesAndLinks() throws IOException {
        BuildContext c = context("build/out.bin");
        String before = c.hash(c.select("."));
        write("build/out.bin", "changed");
        assertThat(c.hash(c.select("."))).isEqualTo(before);

        Files.setPosixFilePermissions(ctx.resolve("a.txt"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String chmodded = c.hash(c.select("."));
        assertThat(chmodded).isNotEqualTo(before);

        Files.createSymbolicLink(ctx.resolve("l"), Path.of("a.txt"));
        String linked = c.hash(c.select("."));
        assertThat(linked).isNotEqualTo(chmodded);
        Files.delete(ctx.resolve("l"));
        Files.createSymbolicLink(ctx.resolve("l"), Path.of("b.txt"));
        assertThat(c.hash(c.select("."))).isNotEqualTo(linked);
    }

    @Test
    void hashCoversOnlyTheSelectedSources() throws IOException {
        BuildContext c = context("");
        String before = c.hash(c.select("src"));
        write("a.txt", "changed");
        assertThat(c.hash(c.select("src"))).isEqualTo(before);
        assertThat(before).startsWith("sha256:").hasSize(7 + 64);
    }

    @Test
    void aSharedCacheRemembersFilesAcrossContexts() throws IOException {
        FileHashCache cache = new FileHashCache();
        BuildContext first = new BuildContext(ctx, DockerIgnore.none(), cache);
        String hash = first.hash(first.select("."));
        assertThat(cache.size()).isEqualTo(7);
        BuildContext second = new BuildContext(ctx, DockerIgnore.none(), cache);
        assertThat(second.hash(second.select("."))).isEqualTo(hash);
        // a same-size rewrite changes mtime/ctime, so the file is read again
        write("a.txt", "z");
        assertThat(second.hash(second.select("."))).isNotEqualTo(hash);
    }
}
