package io.jcompose.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Path shapes: container and image references are wildcards, image operations are not. */
class RoutesShapeTest {
    @ParameterizedTest
    @CsvSource({
        "v1/containers/web-1/start, /v1/containers/*/start",
        "v1/images, /v1/images",
        "v1/images/docker.io/library/redis:7, /v1/images/*",
        "v1/images/pull, /v1/images/pull",
        "v1/images/load, /v1/images/load",
        "v1/images/prune, /v1/images/prune",
        "v1/images/save, /v1/images/save",
        "v1/images/sha256:abcd, /v1/images/*"})
    void shapes(String path, String shape) {
        // A decoded segment may hold '/': the ref above is one segment.
        var segments = path.startsWith("v1/images/docker.io")
                ? java.util.List.of("v1", "images", "docker.io/library/redis:7")
                : Arrays.asList(path.split("/"));
        assertThat(Routes.shape(segments)).isEqualTo(shape);
    }
}
