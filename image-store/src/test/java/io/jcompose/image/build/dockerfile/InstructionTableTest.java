package io.jcompose.image.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Dockerfile snippets (after a "FROM base" line) → the one instruction they parse to, per Docker's rules. */
class InstructionTableTest {
    private static final List<Heredoc> NO_DOCS = List.of();
    private static final List<String> NONE = List.of();

    static Stream<Arguments> instructions() {
        return Stream.of(
                // RUN: shell form, exec form, malformed JSON falls back to shell form, case-insensitive keyword
                Arguments.of("RUN echo hi", new Run(2, "RUN echo hi", new ShellForm("echo hi"), NO_DOCS, null, NONE)),
                Arguments.of("run [\"echo\", \"hi\"]", new Run(2, "run [\"echo\", \"hi\"]", new ExecForm(List.of("echo", "hi")), NO_DOCS, null, NONE)),
                Arguments.of("RUN [echo, hi]", new Run(2, "RUN [echo, hi]", new ShellForm("[echo, hi]"), NO_DOCS, null, NONE)),
                Arguments.of("RUN [\"a\\tb\", \"\\u0041\"]", new Run(2, "RUN [\"a\\tb\", \"\\u0041\"]", new ExecForm(List.of("a\tb", "A")), NO_DOCS, null, NONE)),
                // continuation lines are joined as written; comments and blank lines inside are skipped
                Arguments.of("RUN echo a \\\n  b", new Run(2, "RUN echo a   b", new ShellForm("echo a   b"), NO_DOCS, null, NONE)),
                Arguments.of("RUN a \\  \n# note\n\n   && b", new Run(2, "RUN a    && b", new ShellForm("a    && b"), NO_DOCS, null, NONE)),
                Arguments.of("RUN --network=none --mount=type=cache,target=/c --mount=type=bind,target=/s make",
                        new Run(2, "RUN --network=none --mount=type=cache,target=/c --mount=type=bind,target=/s make",
                                new ShellForm("make"), NO_DOCS, "none", List.of("type=cache,target=/c", "type=bind,target=/s"))),
                Arguments.of("RUN -- --flaglike", new Run(2, "RUN -- --flaglike", new ShellForm("--flaglike"), NO_DOCS, null, NONE)),
                // CMD / ENTRYPOINT
                Arguments.of("CMD [\"nginx\", \"-g\", \"daemon off;\"]", new Cmd(2, "CMD [\"nginx\", \"-g\", \"daemon off;\"]", new ExecForm(List.of("nginx", "-g", "daemon off;")))),
                Arguments.of("CMD echo $HOME", new Cmd(2, "CMD echo $HOME", new ShellForm("echo $HOME"))),
                Arguments.of("ENTRYPOINT []", new Entrypoint(2, "ENTRYPOINT []", new ExecForm(List.of()))),
                Arguments.of("Entrypoint [ \"/init\" ]", new Entrypoint(2, "Entrypoint [ \"/init\" ]", new ExecForm(List.of("/init")))),
                // COPY / ADD
                Arguments.of("COPY a b /dst/", new Copy(2, "COPY a b /dst/", List.of("a", "b"), "/dst/", null, null, null, false, NONE, NO_DOCS)),
                Arguments.of("COPY [\"a b\", \"/d\"]", new Copy(2, "COPY [\"a b\", \"/d\"]", List.of("a b"), "/d", null, null, null, false, NONE, NO_DOCS)),
                Arguments.of("COPY --from=build --chown=1:2 --chmod=644 --link --exclude=*.md --exclude=x . /app",
                        new Copy(2, "COPY --from=build --chown=1:2 --chmod=644 --link --exclude=*.md --exclude=x . /app",
                                List.of("."), "/app", "build", "1:2", "644", true, List.of("*.md", "x"), NO_DOCS)),
                Arguments.of("COPY --link=false --chown=\"app user\" a /b", new Copy(2, "COPY --link=false --chown=\"app user\" a /b", List.of("a"), "/b", null, "app user", null, false, NONE, NO_DOCS)),
                Arguments.of("ADD --checksum=sha256:abc https://x/y.tgz /y", new Add(2, "ADD --checksum=sha256:abc https://x/y.tgz /y", List.of("https://x/y.tgz"), "/y", null, null, "sha256:abc", false, NONE, NO_DOCS)),
                Arguments.of("add rootfs.tar /", new Add(2, "add rootfs.tar /", List.of("rootfs.tar"), "/", null, null, null, false, NONE, NO_DOCS)),
                // ENV / LABEL: pairs keep quotes and escapes until expansion; the legacy form takes the rest of the line
                Arguments.of("ENV A=1 B=\"two words\" C=three\\ words D=", new Env(2, "ENV A=1 B=\"two words\" C=three\\ words D=",
                        List.of(new KeyValue("A", "1"), new KeyValue("B", "\"two words\""), new KeyValue("C", "three\\ words"), new KeyValue("D", "")))),
                Arguments.of("ENV GREETING hello   big world", new Env(2, "ENV GREETING hello   big world", List.of(new KeyValue("GREETING", "hello   big world")))),
                Arguments.of("LABEL \"com.x.y\"=\"a b\" v=1", new Label(2, "LABEL \"com.x.y\"=\"a b\" v=1", List.of(new KeyValue("\"com.x.y\"", "\"a b\""), new KeyValue("v", "1")))),
                Arguments.of("LABEL maintainer someone", new Label(2, "LABEL maintainer someone", List.of(new KeyValue("maintainer", "someone")))),
                // ARG with and without defaults
                Arguments.of("ARG A B=2 C=\"x y\" D=", new Arg(2, "ARG A B=2 C=\"x y\" D=",
                        List.of(new ArgDecl("A", null), new ArgDecl("B", "2"), new ArgDecl("C", "\"x y\""), new ArgDecl("D", "")))),
                // the rest of the line
                Arguments.of("WORKDIR /app dir", new Workdir(2, "WORKDIR /app dir", "/app dir")),
                Arguments.of("USER app:grp", new User(2, "USER app:grp", "app:grp")),
                Arguments.of("STOPSIGNAL SIGKILL", new StopSignal(2, "STOPSIGNAL SIGKILL", "SIGKILL")),
                Arguments.of("MAINTAINER Jane <j@x.org>", new Maintainer(2, "MAINTAINER Jane <j@x.org>", "Jane <j@x.org>")),
                // word lists
                Arguments.of("EXPOSE 80 53/udp  8000-8010", new Expose(2, "EXPOSE 80 53/udp  8000-8010", List.of("80", "53/udp", "8000-8010"))),
                Arguments.of("VOLUME [\"/a\", \"/b c\"]", new Volume(2, "VOLUME [\"/a\", \"/b c\"]", List.of("/a", "/b c"))),
                Arguments.of("VOLUME /a /b", new Volume(2, "VOLUME /a /b", List.of("/a", "/b"))),
                // HEALTHCHECK
                Arguments.of("HEALTHCHECK NONE", new Healthcheck(2, "HEALTHCHECK NONE", true, null, null, null, null, null, null)),
                Arguments.of("HEALTHCHECK --interval=30s --timeout=1m30s --start-period=0 --start-interval=500ms --retries=3 CMD curl -f http://x/ || exit 1",
                        new Healthcheck(2, "HEALTHCHECK --interval=30s --timeout=1m30s --start-period=0 --start-interval=500ms --retries=3 CMD curl -f http://x/ || exit 1",
                                false, new ShellForm("curl -f http://x/ || exit 1"), Duration.ofSeconds(30), Duration.ofSeconds(90),
                                Duration.ZERO, Duration.ofMillis(500), 3)),
                Arguments.of("healthcheck cmd [\"true\"]", new Healthcheck(2, "healthcheck cmd [\"true\"]", false, new ExecForm(List.of("true")), null, null, null, null, null)),
                // SHELL, ONBUILD
                Arguments.of("SHELL [\"/bin/bash\", \"-c\"]", new Shell(2, "SHELL [\"/bin/bash\", \"-c\"]", List.of("/bin/bash", "-c"))),
                Arguments.of("ONBUILD COPY . /app", new OnBuild(2, "ONBUILD COPY . /app",
                        new Copy(2, "COPY . /app", List.of("."), "/app", null, null, null, false, NONE, NO_DOCS))));
    }

    @ParameterizedTest
    @MethodSource("instructions")
    void parsesTo(String snippet, Instruction expected) {
        Dockerfile df = DockerfileParser.parse("FROM base\n" + snippet + "\n", "Dockerfile");
        assertThat(df.stages()).hasSize(1);
        assertThat(df.stages().getFirst().instructions()).containsExactly(expected);
    }

    static Stream<Arguments> froms() {
        return Stream.of(
                Arguments.of("FROM busybox", new From(1, "FROM busybox", "busybox", null, null)),
                Arguments.of("from busybox:${V} as Build", new From(1, "from busybox:${V} as Build", "busybox:${V}", null, "build")),
                Arguments.of("FROM --platform=$BUILDPLATFORM golang:1 AS b.1_x-y", new From(1, "FROM --platform=$BUILDPLATFORM golang:1 AS b.1_x-y", "golang:1", "$BUILDPLATFORM", "b.1_x-y")),
                Arguments.of("FROM scratch", new From(1, "FROM scratch", "scratch", null, null)));
    }

    @ParameterizedTest
    @MethodSource("froms")
    void from(String line, From expected) {
        Stage stage = DockerfileParser.parse(line, "Dockerfile").stages().getFirst();
        assertThat(stage.from()).isEqualTo(expected);
        assertThat(stage.name()).isEqualTo(expected.alias());
        assertThat(stage.instructions()).isEmpty();
    }
}
