package io.jcompose.image.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad Dockerfiles → the line of the mistake, what is wrong, and a fix. */
class ParseErrorTest {
    static Stream<Arguments> errors() {
        return Stream.of(
                // unknown instructions, with the nearest keyword when one is close
                Arguments.of("FROM x\nCOPPY a b", 2, "unknown instruction: COPPY — did you mean COPY?"),
                Arguments.of("FROM x\nrunn a", 2, "unknown instruction: RUNN — did you mean RUN?"),
                Arguments.of("FROM x\nentrypoin [\"a\"]", 2, "did you mean ENTRYPOINT?"),
                Arguments.of("FROM x\nFOOBARBAZ x", 2, "unknown instruction: FOOBARBAZ — see https://docs.docker.com/reference/dockerfile/"),
                Arguments.of("FROM x\n\n\n  # c\nCOPPY a b", 5, "COPPY"),
                Arguments.of("FROM x\nRUN a \\\n b\nCOPPY", 4, "COPPY"),
                Arguments.of("FROM x\nRUN <<EOF\na\nEOF\nBOGUS", 5, "BOGUS"),
                // order and stages
                Arguments.of("RUN x\nFROM y", 1, "RUN comes before the first FROM"),
                Arguments.of("ARG V\nENV A=1\nFROM y", 2, "ENV comes before the first FROM — start the build stage with FROM <image> first (only ARG may come before FROM)"),
                Arguments.of("FROM x AS a\nFROM y AS A", 2, "duplicate stage name \"a\" (also on line 1)"),
                Arguments.of("FROM x AS 1a", 1, "invalid stage name \"1a\""),
                Arguments.of("FROM x y", 1, "FROM takes one image and an optional AS name"),
                Arguments.of("FROM x AS", 1, "FROM takes one image"),
                Arguments.of("FROM", 1, "FROM needs an image"),
                Arguments.of("FROM x AS a\nCOPY --from=a / /", 2, "COPY --from=a names the stage it is in"),
                Arguments.of("FROM x\nCOPY --from=0 / /", 2, "names the stage it is in"),
                Arguments.of("FROM x\nCOPY --from=later / /\nFROM y AS later", 2, "COPY --from=later names a later stage (line 3)"),
                Arguments.of("FROM x\nCOPY --from=1 / /\nFROM y", 2, "names a later stage"),
                Arguments.of("FROM x\nCOPY --from=5 / /", 2, "names stage 5 but there are only 1"),
                Arguments.of("FROM x AS a\nRUN --mount=type=bind,from=a,target=/x true", 2, "RUN --mount from=a names the stage it is in"),
                // missing arguments
                Arguments.of("FROM x\nRUN", 2, "RUN needs a command"),
                Arguments.of("FROM x\nCMD", 2, "CMD needs a command"),
                Arguments.of("FROM x\nCOPY a", 2, "COPY needs at least one source and a destination"),
                Arguments.of("FROM x\nADD", 2, "ADD needs at least one source"),
                Arguments.of("FROM x\nWORKDIR", 2, "WORKDIR needs a directory"),
                Arguments.of("FROM x\nUSER", 2, "USER needs"),
                Arguments.of("FROM x\nEXPOSE", 2, "EXPOSE needs"),
                Arguments.of("FROM x\nVOLUME", 2, "VOLUME needs"),
                Arguments.of("FROM x\nVOLUME [\"\"]", 2, "VOLUME has an empty path"),
                Arguments.of("FROM x\nARG", 2, "ARG needs a name"),
                Arguments.of("FROM x\nARG =1", 2, "ARG names can not be blank"),
                Arguments.of("FROM x\nENV", 2, "ENV needs a name and a value"),
                Arguments.of("FROM x\nENV A", 2, "ENV A has no value"),
                Arguments.of("FROM x\nENV A=1 B", 2, "no '=' in \"B\""),
                Arguments.of("FROM x\nLABEL =v", 2, "LABEL names can not be blank"),
                Arguments.of("FROM x\nONBUILD", 2, "ONBUILD needs an instruction"),
                // flags
                Arguments.of("FROM x\nCOPY --frm=a b c", 2, "unknown flag --frm for COPY — COPY accepts --from, --chown, --chmod, --link, --exclude"),
                Arguments.of("FROM x\nADD --from=a b c", 2, "unknown flag --from for ADD"),
                Arguments.of("FROM x\nCOPY --from b c", 2, "--from needs a value"),
                Arguments.of("FROM x\nCOPY --from=a --from=b c d", 2, "--from is given more than once"),
                Arguments.of("FROM x\nCOPY --link=maybe b c", 2, "--link expects true or false"),
                Arguments.of("FROM x\nWORKDIR --foo=1 /x", 2, "unknown flag --foo for WORKDIR — WORKDIR takes no flags"),
                Arguments.of("FROM x\nCMD --help", 2, "unknown flag --help for CMD"),
                Arguments.of("FROM --plat=x y", 1, "unknown flag --plat for FROM — FROM accepts --platform"),
                Arguments.of("FROM x\nRUN --network=bridge a", 2, "unknown --network=bridge for RUN"),
                Arguments.of("FROM x\nRUN --security=insecure a", 2, "RUN --security=insecure is not supported"),
                Arguments.of("FROM x\nRUN --mount= a", 2, "--mount needs a value"),
                // JSON, SHELL, HEALTHCHECK, ONBUILD
                Arguments.of("FROM x\nRUN [1, 2]", 2, "a JSON array here must hold strings only"),
                Arguments.of("FROM x\nCMD [\"a\", null]", 2, "strings only"),
                Arguments.of("FROM x\nSHELL /bin/sh -c", 2, "SHELL needs a JSON array"),
                Arguments.of("FROM x\nSHELL []", 2, "SHELL needs a JSON array"),
                Arguments.of("FROM x\nHEALTHCHECK", 2, "HEALTHCHECK needs NONE or CMD"),
                Arguments.of("FROM x\nHEALTHCHECK CMD", 2, "HEALTHCHECK CMD needs a command"),
                Arguments.of("FROM x\nHEALTHCHECK NONE x", 2, "HEALTHCHECK NONE takes no arguments"),
                Arguments.of("FROM x\nHEALTHCHECK --retries=1 NONE", 2, "HEALTHCHECK NONE takes no arguments"),
                Arguments.of("FROM x\nHEALTHCHECK FOO a", 2, "unknown HEALTHCHECK type FOO"),
                Arguments.of("FROM x\nHEALTHCHECK --interval=abc CMD a", 2, "--interval=abc is not a duration"),
                Arguments.of("FROM x\nHEALTHCHECK --timeout=10 CMD a", 2, "--timeout=10 is not a duration"),
                Arguments.of("FROM x\nHEALTHCHECK --interval=10us CMD a", 2, "shorter than 1ms"),
                Arguments.of("FROM x\nHEALTHCHECK --retries=-1 CMD a", 2, "--retries cannot be negative (-1)"),
                Arguments.of("FROM x\nHEALTHCHECK --retries=two CMD a", 2, "--retries=two is not a number"),
                Arguments.of("FROM x\nHEALTHCHECK --foo=1 CMD a", 2, "unknown flag --foo for HEALTHCHECK"),
                Arguments.of("FROM x\nONBUILD ONBUILD RUN a", 2, "ONBUILD ONBUILD is not allowed"),
                Arguments.of("FROM x\nONBUILD FROM y", 2, "FROM is not allowed as an ONBUILD trigger"),
                Arguments.of("FROM x\nONBUILD maintainer y", 2, "MAINTAINER is not allowed as an ONBUILD trigger"),
                Arguments.of("FROM x\nONBUILD COPPY a b", 2, "did you mean COPY?"),
                // directives and heredocs
                Arguments.of("# escape=x\nFROM y", 1, "invalid escape character 'x'"),
                Arguments.of("# escape=`\n# escape=\\\nFROM y", 2, "the escape parser directive is given twice"),
                Arguments.of("FROM x\nRUN <<EOF\nabc", 2, "heredoc <<EOF is never closed — end it with a line holding only EOF"),
                Arguments.of("FROM x\nRUN <<A <<B\na\nA\nb", 2, "heredoc <<B is never closed"),
                Arguments.of("FROM x\nCOPY a <<EOF\nx\nEOF", 2, "COPY cannot take a heredoc as its destination"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void failsAtTheLineWithAFix(String dockerfile, int line, String message) {
        assertThatThrownBy(() -> DockerfileParser.parse(dockerfile, "app/Dockerfile"))
                .isInstanceOf(DockerfileException.class)
                .hasMessageStartingWith("app/Dockerfile:" + line + ": ")
                .hasMessageContaining(message)
                .satisfies(e -> {
                    DockerfileException de = (DockerfileException) e;
                    assertThat(de.source()).isEqualTo("app/Dockerfile");
                    assertThat(de.line()).isEqualTo(line);
                    assertThat(de.fix()).isNotBlank();
                    assertThat(de.getMessage()).isEqualTo("app/Dockerfile:" + line + ": " + de.problem() + " — " + de.fix());
                });
    }

    @Test
    void aFileWithoutFromNamesNoLine() {
        for (String text : new String[] {"", "# only a comment\n\n", "ARG A=1\n"}) {
            assertThatThrownBy(() -> DockerfileParser.parse(text, "dockerfile_inline"))
                    .isInstanceOf(DockerfileException.class)
                    .hasMessage("dockerfile_inline: the Dockerfile has no FROM, so there is nothing to build"
                            + " — start it with FROM <image> (or FROM scratch)");
        }
    }
}
