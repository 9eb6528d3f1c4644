package io.jcompose.image.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Docker's word expansion: each modifier with set, empty and unset variables, quotes, escapes. */
class ExpandTest {
    private static final Map<String, String> VARS = Map.of("A", "a", "EMPTY", "", "X", "xxyy", "SPACE", "a b",
            "P", "/tmp/tmp/bar.txt", "STARS", "a***yy*");
    private static final Function<String, String> LOOKUP = VARS::get;

    static Stream<Arguments> words() {
        return Stream.of(
                Arguments.of("plain", "plain"),
                Arguments.of("$A", "a"),
                Arguments.of("${A}", "a"),
                Arguments.of("x${A}y$A-z", "xaya-z"),
                Arguments.of("$UNSET|${UNSET}", "|"),
                Arguments.of("$SPACE", "a b"),
                Arguments.of("$", "$"),
                Arguments.of("a$ b", "a$ b"),
                Arguments.of("$1x", "x"),
                Arguments.of("${A}}", "a}"),
                // :- and -
                Arguments.of("${A:-d}", "a"),
                Arguments.of("${EMPTY:-d}", "d"),
                Arguments.of("${UNSET:-d}", "d"),
                Arguments.of("${A-d}", "a"),
                Arguments.of("${EMPTY-d}", ""),
                Arguments.of("${UNSET-d}", "d"),
                Arguments.of("${UNSET:-$A}", "a"),
                Arguments.of("${UNSET:-${EMPTY:-deep}}", "deep"),
                Arguments.of("${UNSET:-\"two words\"}", "two words"),
                // :+ and +
                Arguments.of("${A:+alt}", "alt"),
                Arguments.of("${EMPTY:+alt}", ""),
                Arguments.of("${UNSET:+alt}", ""),
                Arguments.of("${A+alt}", "alt"),
                Arguments.of("${EMPTY+alt}", "alt"),
                Arguments.of("${UNSET+alt}", ""),
                // ? and :? when they pass
                Arguments.of("${A?must}", "a"),
                Arguments.of("${EMPTY?must}", ""),
                Arguments.of("${A:?must}", "a"),
                // patterns
                Arguments.of("${X#x}", "xyy"),
                Arguments.of("${X##*x}", "yy"),
                Arguments.of("${X#*}", "xxyy"),
                Arguments.of("${X#*x*y}", "y"),
                Arguments.of("${X%y}", "xxy"),
                Arguments.of("${X%%y*}", "xx"),
                Arguments.of("${STARS%%\\**\\*}", "a"),
                Arguments.of("${X/x/z}", "zxyy"),
                Arguments.of("${X//x/z}", "zzyy"),
                Arguments.of("${P/\\/tmp/}", "/tmp/bar.txt"),
                Arguments.of("${P//\\/tmp/}", "/bar.txt"),
                Arguments.of("${X/?y/-}", "x-y"),
                // quotes
                Arguments.of("'$A'", "$A"),
                Arguments.of("\"$A\"", "a"),
                Arguments.of("\"a  b\"", "a  b"),
                Arguments.of("'a'\"b\"c", "abc"),
                Arguments.of("\"it's\"", "it's"),
                Arguments.of("'say \"hi\"'", "say \"hi\""),
                // escapes
                Arguments.of("\\$A", "$A"),
                Arguments.of("a\\ b", "a b"),
                Arguments.of("\\\\", "\\"),
                Arguments.of("\"\\$A \\\" \\\\\"", "$A \" \\"),
                Arguments.of("\"a\\b\"", "a\\b"),
                Arguments.of("'\\$A'", "\\$A"),
                Arguments.of("a\\", "a"));
    }

    @ParameterizedTest
    @MethodSource("words")
    void expands(String word, String expected) {
        Workdir w = new Workdir(3, "WORKDIR " + word, word).expand(LOOKUP, '\\');
        assertThat(w.path()).isEqualTo(expected);
    }

    @Test
    void backtickEscapeLeavesBackslashesAlone() {
        assertThat(new Workdir(1, "", "C:\\dir\\$A").expand(LOOKUP, '`').path()).isEqualTo("C:\\dir\\a");
        assertThat(new Workdir(1, "", "`$A").expand(LOOKUP, '`').path()).isEqualTo("$A");
        assertThat(new Workdir(1, "", "\"`\"q`\"\"").expand(LOOKUP, '`').path()).isEqualTo("\"q\"");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("${A", "missing '}'"),
                Arguments.of("${}", "bad substitution"),
                Arguments.of("${:-x}", "bad substitution"),
                Arguments.of("${A=x}", "unsupported modifier (=)"),
                Arguments.of("${A:x}", "unsupported modifier (:x)"),
                Arguments.of("${A:-x", "missing '}'"),
                Arguments.of("${X//ww}", "missing"),
                Arguments.of("'abc", "unterminated single quote"),
                Arguments.of("\"abc", "unterminated double quote"),
                Arguments.of("${UNSET?is required}", "UNSET: is required"),
                Arguments.of("${UNSET?}", "UNSET: is not allowed to be unset"),
                Arguments.of("${EMPTY:?}", "EMPTY: is not allowed to be empty"),
                Arguments.of("${X#\\x}", "invalid escape"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedWordsFailWithTheirLine(String word, String problem) {
        assertThatThrownBy(() -> new Workdir(7, "WORKDIR " + word, word).expand(LOOKUP, '\\'))
                .isInstanceOf(DockerfileException.class)
                .hasMessageStartingWith("line 7: ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((DockerfileException) e).line()).isEqualTo(7));
    }

    @Test
    void expansionErrorsCanBeGivenTheirSource() {
        try {
            new User(4, "USER ${U?}", "${U?}").expand(LOOKUP, '\\');
        } catch (DockerfileException e) {
            assertThat(e.withSource("app/Dockerfile")).hasMessage(
                    "app/Dockerfile:4: U: is not allowed to be unset — pass --build-arg U=… or set it with ARG/ENV");
            return;
        }
        throw new AssertionError("no error");
    }

    @Test
    void expandingInstructionsTouchesTheWordsDockerExpands() {
        Dockerfile df = DockerfileParser.parse("""
                ARG TAG=1
                FROM --platform=$PLAT busybox:${TAG} AS b
                COPY --from=$SRC --chown=$U:$U --chmod=$M --exclude=$A* "$A" ${A}.txt /dst/$A/
                ADD --chown=$U --checksum=$SUM $A /x
                ENV ONE=$A TWO="${A} $A" $A=key
                LABEL "l.$A"='$A'
                ARG D=${A:-none} N
                EXPOSE $PORT/udp
                VOLUME ["/v/$A"]
                USER $U
                STOPSIGNAL SIG$A
                RUN echo $A
                CMD echo $A
                HEALTHCHECK CMD echo $A
                ONBUILD RUN echo $A
                """, "Dockerfile");
        Function<String, String> vars = Map.of("A", "a", "PLAT", "linux/amd64", "TAG", "2", "SRC", "build", "U", "10",
                "M", "0755", "SUM", "sha256:1", "PORT", "53")::get;
        Stage stage = df.stages().getFirst();
        assertThat(stage.from().expand(vars, '\\')).isEqualTo(new From(2, stage.from().text(), "busybox:2", "linux/amd64", "b"));
        List<Instruction> in = stage.instructions().stream().map(i -> i.expand(vars, '\\')).toList();
        Copy copy = (Copy) in.get(0);
        assertThat(copy.sources()).containsExactly("a", "a.txt");
        assertThat(copy.dest()).isEqualTo("/dst/a/");
        assertThat(copy.from()).isEqualTo("build");
        assertThat(copy.chown()).isEqualTo("10:10");
        assertThat(copy.chmod()).isEqualTo("0755");
        assertThat(copy.excludes()).containsExactly("a*");
        Add add = (Add) in.get(1);
        assertThat(add.sources()).containsExactly("a");
        assertThat(add.chown()).isEqualTo("10");
        assertThat(add.checksum()).isEqualTo("sha256:1");
        assertThat(((Env) in.get(2)).pairs()).containsExactly(new KeyValue("ONE", "a"), new KeyValue("TWO", "a a"), new KeyValue("a", "key"));
        assertThat(((Label) in.get(3)).pairs()).containsExactly(new KeyValue("l.a", "$A"));
        assertThat(((Arg) in.get(4)).decls()).containsExactly(new ArgDecl("D", "a"), new ArgDecl("N", null));
        assertThat(((Expose) in.get(5)).ports()).containsExactly("53/udp");
        assertThat(((Volume) in.get(6)).paths()).containsExactly("/v/a");
        assertThat(((User) in.get(7)).user()).isEqualTo("10");
        assertThat(((StopSignal) in.get(8)).signal()).isEqualTo("SIGa");
        // the container's shell expands these, so they come back untouched
        for (int i = 9; i < 13; i++) {
            assertThat(in.get(i)).isSameAs(stage.instructions().get(i));
        }
    }
}
