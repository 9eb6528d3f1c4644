package io.jcompose.image.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.image.ImageException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases from distribution/reference's reference_test.go and normalize_test.go, seen through Docker's normalization. */
class ImageReferenceTest {
    private static final String F64 = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    private static final String D = "dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c";

    static Stream<Arguments> valid() {
        return Stream.of(
                // input, normalized, domain, path, tag, digest, familiar
                Arguments.of("redis", "docker.io/library/redis:latest", "docker.io", "library/redis", "latest", null, "redis:latest"),
                Arguments.of("redis:7", "docker.io/library/redis:7", "docker.io", "library/redis", "7", null, "redis:7"),
                Arguments.of("docker.io/library/redis:latest", "docker.io/library/redis:latest", "docker.io", "library/redis", "latest", null, "redis:latest"),
                Arguments.of("docker.io/redis", "docker.io/library/redis:latest", "docker.io", "library/redis", "latest", null, "redis:latest"),
                Arguments.of("index.docker.io/library/debian", "docker.io/library/debian:latest", "docker.io", "library/debian", "latest", null, "debian:latest"),
                Arguments.of("index.docker.io/debian", "docker.io/library/debian:latest", "docker.io", "library/debian", "latest", null, "debian:latest"),
                Arguments.of("redis@sha256:" + D, "docker.io/library/redis@sha256:" + D, "docker.io", "library/redis", null, "sha256:" + D, "redis@sha256:" + D),
                Arguments.of("dmcgowan/myapp", "docker.io/dmcgowan/myapp:latest", "docker.io", "dmcgowan/myapp", "latest", null, "dmcgowan/myapp:latest"),
                Arguments.of("library/foo/bar", "docker.io/library/foo/bar:latest", "docker.io", "library/foo/bar", "latest", null, "library/foo/bar:latest"),
                Arguments.of("busybox:latest@sha256:" + D, "docker.io/library/busybox:latest@sha256:" + D, "docker.io", "library/busybox", "latest", "sha256:" + D, "busybox:latest@sha256:" + D),
                Arguments.of("test_com", "docker.io/library/test_com:latest", "docker.io", "library/test_com", "latest", null, "test_com:latest"),
                Arguments.of("test_com/foo", "docker.io/test_com/foo:latest", "docker.io", "test_com/foo", "latest", null, "test_com/foo:latest"),
                Arguments.of("test.com:tag", "docker.io/library/test.com:tag", "docker.io", "library/test.com", "tag", null, "test.com:tag"),
                Arguments.of("test.com:5000", "docker.io/library/test.com:5000", "docker.io", "library/test.com", "5000", null, "test.com:5000"),
                Arguments.of("test.com/repo:tag", "test.com/repo:tag", "test.com", "repo", "tag", null, "test.com/repo:tag"),
                Arguments.of("test:5000/repo", "test:5000/repo:latest", "test:5000", "repo", "latest", null, "test:5000/repo:latest"),
                Arguments.of("test:5000/repo@sha256:" + F64, "test:5000/repo@sha256:" + F64, "test:5000", "repo", null, "sha256:" + F64, "test:5000/repo@sha256:" + F64),
                Arguments.of("test:5000/repo:tag@sha256:" + F64, "test:5000/repo:tag@sha256:" + F64, "test:5000", "repo", "tag", "sha256:" + F64, "test:5000/repo:tag@sha256:" + F64),
                Arguments.of("localhost/app", "localhost/app:latest", "localhost", "app", "latest", null, "localhost/app:latest"),
                Arguments.of("localhost:5000/a/b:tag", "localhost:5000/a/b:tag", "localhost:5000", "a/b", "tag", null, "localhost:5000/a/b:tag"),
                Arguments.of("lowercase:Uppercase", "docker.io/library/lowercase:Uppercase", "docker.io", "library/lowercase", "Uppercase", null, "lowercase:Uppercase"),
                Arguments.of("sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com", "bar/baz/quux", "some-long-tag", null, "sub-dom1.foo.com/bar/baz/quux:some-long-tag"),
                Arguments.of("b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io", "test.example.com/my-app", "test.example.com", null, "b.gcr.io/test.example.com/my-app:test.example.com"),
                Arguments.of("xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com", "myimage", "xn--n3h.com", null, "xn--n3h.com/myimage:xn--n3h.com"),
                Arguments.of("foo_bar.com:8080", "docker.io/library/foo_bar.com:8080", "docker.io", "library/foo_bar.com", "8080", null, "foo_bar.com:8080"),
                Arguments.of("foo/foo_bar.com:8080", "docker.io/foo/foo_bar.com:8080", "docker.io", "foo/foo_bar.com", "8080", null, "foo/foo_bar.com:8080"),
                Arguments.of("192.168.1.1", "docker.io/library/192.168.1.1:latest", "docker.io", "library/192.168.1.1", "latest", null, "192.168.1.1:latest"),
                Arguments.of("192.168.1.1:5000/repo:5050", "192.168.1.1:5000/repo:5050", "192.168.1.1:5000", "repo", "5050", null, "192.168.1.1:5000/repo:5050"),
                Arguments.of("[2001:db8::1]/repo", "[2001:db8::1]/repo:latest", "[2001:db8::1]", "repo", "latest", null, "[2001:db8::1]/repo:latest"),
                Arguments.of("[2001:db8::1]:5000/repo:tag@sha256:" + F64, "[2001:db8::1]:5000/repo:tag@sha256:" + F64, "[2001:db8::1]:5000", "repo", "tag", "sha256:" + F64, "[2001:db8::1]:5000/repo:tag@sha256:" + F64),
                Arguments.of("[::1]:5000/repo", "[::1]:5000/repo:latest", "[::1]:5000", "repo", "latest", null, "[::1]:5000/repo:latest"),
                Arguments.of("Foo/bar", "Foo/bar:latest", "Foo", "bar", "latest", null, "Foo/bar:latest"),
                Arguments.of("docker---rules/docker", "docker.io/docker---rules/docker:latest", "docker.io", "docker---rules/docker", "latest", null, "docker---rules/docker:latest"),
                Arguments.of("dock__er/docker", "docker.io/dock__er/docker:latest", "docker.io", "dock__er/docker", "latest", null, "dock__er/docker:latest"),
                Arguments.of("docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a", "docker.io/library/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a:latest", "docker.io", "library/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a", "latest", null, "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a:latest"),
                Arguments.of("a/".repeat(127) + "a:tag-puts-this-over-max", "docker.io/" + "a/".repeat(127) + "a:tag-puts-this-over-max", "docker.io", "a/".repeat(127) + "a", "tag-puts-this-over-max", null, "a/".repeat(127) + "a:tag-puts-this-over-max"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void normalizesLikeDocker(String input, String normalized, String domain, String path, String tag, String digest,
                              String familiar) {
        ImageReference ref = ImageReference.parse(input);
        assertThat(ref.toString()).isEqualTo(normalized);
        assertThat(ref.domain()).isEqualTo(domain);
        assertThat(ref.path()).isEqualTo(path);
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.digest() == null ? null : ref.digest().toString()).isEqualTo(digest);
        assertThat(ref.familiar()).isEqualTo(familiar);
        assertThat(ImageReference.parse(normalized)).isEqualTo(ref);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "image reference is empty"),
                Arguments.of(":justtag", "invalid reference format"),
                Arguments.of("@sha256:" + F64, "invalid reference format"),
                Arguments.of("repo@sha256:ffffffffffffffffffffffffffffffffff", "invalid sha256 digest length"),
                Arguments.of("validname@invaliddigest:" + F64, "unsupported digest algorithm"),
                Arguments.of("Uppercase:tag", "must be lowercase"),
                Arguments.of("test:5000/Uppercase/lowercase:tag", "must be lowercase"),
                Arguments.of("docker/Docker", "must be lowercase"),
                Arguments.of("docker.io/docker/Docker", "must be lowercase"),
                Arguments.of("a/".repeat(128) + "a:tag", "must not be more than 255 characters"),
                Arguments.of("aa/asdf$$^/aa", "invalid reference format"),
                Arguments.of("https://github.com/docker/docker", "no URL scheme"),
                Arguments.of("-docker", "invalid reference format"),
                Arguments.of("-docker/docker", "invalid reference format"),
                Arguments.of("-docker.io/docker/docker", "invalid reference format"),
                Arguments.of("docker///docker", "invalid reference format"),
                Arguments.of("docker.io/docker///docker", "invalid reference format"),
                Arguments.of("docker-/docker", "invalid reference format"),
                Arguments.of("____/____", "invalid reference format"),
                Arguments.of("dock..er/docker", "invalid reference format"),
                Arguments.of("dock_.er/docker", "invalid reference format"),
                Arguments.of("docker/", "invalid reference format"),
                Arguments.of("[fc00::1]", "invalid reference format"),
                Arguments.of("[fc00::1]:5000", "invalid reference format"),
                Arguments.of("fc00::1:5000/debian", "invalid reference format"),
                Arguments.of("[fe80::1%eth0]:5000/debian", "zone identifiers"),
                Arguments.of("[2001:db8:3:4::192.0.2.33]:5000/debian", "invalid reference format"),
                Arguments.of("[2001:db8::1]:tag", "invalid reference format"),
                Arguments.of("redis:", "tag or digest after the separator is missing"),
                Arguments.of("redis:-bad", "invalid reference format"),
                Arguments.of("redis@sha256:" + F64.toUpperCase(), "not a lowercase hex digit"),
                Arguments.of("redis@sha256:" + "F".repeat(63) + "f", "not a lowercase hex digit"),
                Arguments.of("1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a", "cannot specify 64-byte hexadecimal strings"),
                Arguments.of("this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_".repeat(4) + "/docker", "invalid reference format"),
                Arguments.of("namespace".repeat(30) + "/docker", "must not be more than 255"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsWithAReasonAndAFix(String input, String reason) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOfSatisfying(ImageException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageException.Kind.INVALID_ARGUMENT);
                    assertThat(e.problem()).contains(reason);
                    assertThat(e.fix()).isNotBlank();
                });
    }

    @Test
    void uppercaseRepositoryFixSuggestsTheLowercaseName() {
        assertThatThrownBy(() -> ImageReference.parse("MyApp:1"))
                .isInstanceOfSatisfying(ImageException.class, e -> assertThat(e.fix()).contains("library/myapp"));
    }

    @Test
    void digestDecidesWhatIsPulled() {
        assertThat(ImageReference.parse("busybox:1@sha256:" + D).manifestReference()).isEqualTo("sha256:" + D);
        assertThat(ImageReference.parse("busybox:1").manifestReference()).isEqualTo("1");
    }

    @Test
    void dockerHubIsReachedThroughItsApiHost() {
        assertThat(ImageReference.parse("redis").registryHost()).isEqualTo("registry-1.docker.io");
        assertThat(ImageReference.parse("localhost:5000/x").registryHost()).isEqualTo("localhost:5000");
    }

    @Test
    void withTagValidatesTheTag() {
        ImageReference ref = ImageReference.parse("redis");
        assertThat(ref.withTag("7.2-alpine").toString()).isEqualTo("docker.io/library/redis:7.2-alpine");
        assertThatThrownBy(() -> ref.withTag(".hidden")).isInstanceOf(ImageException.class);
        assertThatThrownBy(() -> ref.withTag("x".repeat(129))).isInstanceOf(ImageException.class);
    }
}
