package io.jcompose.image.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which stages a target needs: FROM <stage>, COPY --from (name or index), RUN --mount from=, transitively. */
class StagesForTest {
    private static final Dockerfile DF = DockerfileParser.parse("""
            ARG BASE=base
            ARG ALIAS=${BASE}
            FROM busybox AS base
            FROM busybox AS unused
            FROM ${ALIAS} AS mid
            FROM busybox AS tools
            FROM scratch AS out
            COPY --from=MID /a /a
            RUN --mount=type=bind,from=tools,target=/t true
            FROM scratch AS viaindex
            COPY --from=1 / /
            COPY --from=alpine:3 / /
            """, "Dockerfile");

    static Stream<Arguments> targets() {
        return Stream.of(
                Arguments.of("out", List.of("base", "mid", "tools", "out")),
                Arguments.of(null, List.of("unused", "viaindex")),
                Arguments.of("MID", List.of("base", "mid")),
                Arguments.of("base", List.of("base")),
                Arguments.of("tools", List.of("tools")));
    }

    @ParameterizedTest
    @MethodSource("targets")
    void needs(String target, List<String> stages) {
        assertThat(DF.stagesFor(target)).extracting(Stage::name).containsExactlyElementsOf(stages);
    }

    @Test
    void buildArgsChooseTheBaseStage() {
        // ALIAS defaults to ${BASE}: the build arg for BASE reaches it
        assertThat(DF.stagesFor("mid", Map.of("ALIAS", "unused")::get)).extracting(Stage::name).containsExactly("unused", "mid");
        // a later stage is not a base: FROM only names stages above it
        assertThat(DF.stagesFor("mid", Map.of("ALIAS", "tools")::get)).extracting(Stage::name).containsExactly("mid");
        assertThat(DF.stagesFor("mid", Map.of("BASE", "unused")::get)).extracting(Stage::name).containsExactly("unused", "mid");
    }

    @Test
    void unknownTargetNamesTheStagesThereAre() {
        assertThatThrownBy(() -> DF.stagesFor("nope"))
                .isInstanceOf(DockerfileException.class)
                .hasMessage("Dockerfile: target stage \"nope\" could not be found — use one of: base, unused, mid, tools, out, viaindex");
        assertThatThrownBy(() -> DockerfileParser.parse("FROM x\n", "D").stagesFor("a"))
                .hasMessageContaining("this Dockerfile names no stages");
    }
}
