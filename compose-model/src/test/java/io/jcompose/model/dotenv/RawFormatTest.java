package io.jcompose.model.dotenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.Position;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RawFormatTest {
    private static final String FILE = "app.env";
    private static final Map<String, String> SHELL = Map.of("DEFINED_VAR", "defined-value", "HOME", "/root");

    private static Map<String, String> parse(String content) {
        return DotEnvParser.parseRaw(content, FILE, SHELL::get);
    }

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("foo=bar", "foo", "bar"),
                Arguments.of("    baz=quux", "baz", "quux"),
                Arguments.of("with.dots=working", "with.dots", "working"),
                Arguments.of("and_underscore=working too", "and_underscore", "working too"),
                Arguments.of("EMPTY_VAR=", "EMPTY_VAR", ""),
                Arguments.of("Q=\"quoted\"", "Q", "\"quoted\""),
                Arguments.of("S='single'", "S", "'single'"),
                Arguments.of("D=$HOME/${HOME:-x}", "D", "$HOME/${HOME:-x}"),
                Arguments.of("E=a\\nb", "E", "a\\nb"),
                Arguments.of("C=value # not a comment", "C", "value # not a comment"),
                Arguments.of("T=trailing  ", "T", "trailing  "),
                Arguments.of("EQ=a=b", "EQ", "a=b"),
                Arguments.of("CR=x\r\n", "CR", "x"),
                Arguments.of("DEFINED_VAR", "DEFINED_VAR", "defined-value"));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void keepsValuesAsWritten(String line, String key, String value) {
        assertThat(parse(line)).containsExactly(entry(key, value));
    }

    @Test
    void readsAWholeFile() {
        String content = "\uFEFF# comment=\nVAR=VAR_VALUE\n\n   \t\nEMPTY_VAR=\nUNDEFINED_VAR\nDEFINED_VAR\n  # indented\n";
        assertThat(parse(content)).containsExactly(entry("VAR", "VAR_VALUE"), entry("EMPTY_VAR", ""),
                entry("DEFINED_VAR", "defined-value"));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("foo=bar\n    f   =quux\n", 2, 6, "variable \"f   \" contains whitespaces"),
                Arguments.of("first line\nanother invalid line", 1, 6, "variable \"first line\" contains whitespaces"),
                Arguments.of("# comment=\n=blank variable names are an error case\n", 2, 1,
                        "no variable name on line \"=blank variable names are an error case\""));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void reportsMalformedLines(String content, int line, int column, String problem) {
        assertThatThrownBy(() -> parse(content))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.position()).isEqualTo(new Position(FILE, line, column));
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.fix()).isNotBlank();
                });
    }
}
