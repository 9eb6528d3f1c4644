package io.jcompose.image.build.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.image.build.BuildException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DockerIgnoreTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                // patterns (one per line), path, excluded?
                Arguments.of("foo", "foo", true),
                Arguments.of("foo", "foo/bar.txt", true), // a directory pattern excludes everything under it
                Arguments.of("foo", "foobar", false),
                Arguments.of("foo", "a/foo", false), // anchored at the context root
                Arguments.of("/foo/", "foo/x", true), // leading and trailing slashes cleaned
                Arguments.of("./foo//bar/", "foo/bar", true),
                Arguments.of("foo/../bar", "bar", true),
                Arguments.of("*.md", "README.md", true),
                Arguments.of("*.md", "docs/README.md", false), // '*' stops at '/'
                Arguments.of("*/*.md", "docs/README.md", true),
                Arguments.of("**/*.md", "README.md", true), // '**/' may match no directory
                Arguments.of("**/*.md", "a/b/c/README.md", true),
                Arguments.of("a/**/z", "a/z", true),
                Arguments.of("a/**/z", "a/b/c/z", true),
                Arguments.of("a/**/z", "b/z", false),
                Arguments.of("a/**", "a/b/c", true),
                Arguments.of("**", "anything/at/all", true),
                Arguments.of("file?.txt", "file1.txt", true),
                Arguments.of("file?.txt", "file10.txt", false),
                Arguments.of("[a-c].txt", "b.txt", true),
                Arguments.of("[a-c].txt", "d.txt", false),
                Arguments.of("[^a-c].txt", "d.txt", true),
                Arguments.of("\\*.txt", "*.txt", true), // escaped wildcard is literal
                Arguments.of("\\*.txt", "a.txt", false),
                Arguments.of("a.b", "axb", false), // '.' is not a regex wildcard
                Arguments.of("# comment\n\n  \nfoo", "foo", true),
                Arguments.of("#foo", "#foo", false), // a '#' line is a comment
                Arguments.of("  spaced  ", "spaced", true),
                Arguments.of("*.log\n!keep.log", "keep.log", false), // exception re-includes
                Arguments.of("*.log\n!keep.log", "drop.log", true),
                Arguments.of("!keep.log\n*.log", "keep.log", true), // last decision wins
                Arguments.of("build\n!build/keep.txt", "build/keep.txt", false), // re-include under an excluded dir
                Arguments.of("build\n!build/keep.txt", "build/drop.txt", true),
                Arguments.of("build\n!build/keep", "build/keep/deep.txt", false), // exception on a parent
                Arguments.of("**/node_modules", "web/node_modules/x/index.js", true),
                Arguments.of("\uFEFFfoo", "foo", true), // byte-order mark dropped
                Arguments.of("*\n!src\nsrc/*.tmp", "src/a.tmp", true),
                Arguments.of("*\n!src\nsrc/*.tmp", "src/a.java", false),
                Arguments.of("*\n!src\nsrc/*.tmp", "Dockerfile", true));
    }

    @ParameterizedTest(name = "{0} | {1} -> {2}")
    @MethodSource("rules")
    void matchesLikeDocker(String text, String path, boolean excluded) {
        assertThat(DockerIgnore.parse(text).excluded(path)).isEqualTo(excluded);
    }

    static Stream<Arguments> walkIntoExcludedDirectories() {
        return Stream.of(
                Arguments.of("build\n!build/keep.txt", "build", true),
                Arguments.of("build\n!other/keep.txt", "build", false),
                Arguments.of("build", "build", false),
                Arguments.of("build\n!**/keep.txt", "build", true),
                Arguments.of("a\n!a/*/keep", "a/b", true),
                Arguments.of("a\n!a/x*/keep", "a/b", false));
    }

    @ParameterizedTest(name = "{0} | {1} -> {2}")
    @MethodSource("walkIntoExcludedDirectories")
    void knowsWhenAnExcludedDirectoryMayHoldReincludedFiles(String text, String dir, boolean walk) {
        assertThat(DockerIgnore.parse(text).mayReinclude(dir)).isEqualTo(walk);
    }

    @Test
    void aLoneExclamationMarkIsAnError() {
        assertThatThrownBy(() -> DockerIgnore.parse("foo\n!\n")).isInstanceOf(BuildException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void anUnterminatedClassIsAnError() {
        assertThatThrownBy(() -> DockerIgnore.parse("[abc")).isInstanceOf(BuildException.class)
                .hasMessageContaining("[abc");
    }

    @Test
    void dockerfileSpecificIgnoreFileWinsOverTheContexts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".dockerignore"), "a.txt\n");
        Path dockerfile = Files.createDirectories(dir.resolve("docker")).resolve("app.Dockerfile");
        Files.writeString(dockerfile, "FROM scratch\n");
        assertThat(DockerIgnore.forContext(dir, dockerfile).excluded("a.txt")).isTrue();

        Files.writeString(dir.resolve("docker/app.Dockerfile.dockerignore"), "b.txt\n");
        DockerIgnore ignore = DockerIgnore.forContext(dir, dockerfile);
        assertThat(ignore.excluded("a.txt")).isFalse();
        assertThat(ignore.excluded("b.txt")).isTrue();
    }

    @Test
    void noIgnoreFileExcludesNothing(@TempDir Path dir) {
        DockerIgnore ignore = DockerIgnore.forContext(dir, null);
        assertThat(ignore.isEmpty()).isTrue();
        assertThat(ignore.excluded("anything")).isFalse();
    }
}
