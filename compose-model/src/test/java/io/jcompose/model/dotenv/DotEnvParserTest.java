package io.jcompose.model.dotenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DotEnvParserTest {
    private static final String FILE = ".env";
    private static final Function<String, String> NO_SHELL = name -> null;

    private static LinkedHashMap<String, String> parse(String content) {
        return DotEnvParser.parse(content, FILE, NO_SHELL);
    }

    private static LinkedHashMap<String, String> parse(String content, Map<String, String> shell) {
        return DotEnvParser.parse(content, FILE, shell::get);
    }

    static Stream<Arguments> singleLines() {
        return Stream.of(
                Arguments.of("FOO=bar", "FOO", "bar"),
                Arguments.of("FOO =bar", "FOO", "bar"),
                Arguments.of("FOO= bar", "FOO", "bar"),
                Arguments.of("FOO=bar ", "FOO", "bar"),
                Arguments.of(" KEY =value", "KEY", "value"),
                Arguments.of("\tKEY=value", "KEY", "value"),
                Arguments.of("FOO=\"bar\"", "FOO", "bar"),
                Arguments.of("FOO='bar'", "FOO", "bar"),
                Arguments.of("FOO=\"escaped\\\"bar\"", "FOO", "escaped\"bar"),
                Arguments.of("FOO=\"\\\"quoted\\\"\"", "FOO", "\"quoted\""),
                Arguments.of("FOO=\"'d'\"", "FOO", "'d'"),
                Arguments.of("FOO='it\\'s'", "FOO", "it's"),
                // YAML-like separator, and separators inside values
                Arguments.of("OPTION_A: 1", "OPTION_A", "1"),
                Arguments.of("OPTION_A: Foo=bar", "OPTION_A", "Foo=bar"),
                Arguments.of("OPTION_A=1:B", "OPTION_A", "1:B"),
                Arguments.of("FOO=foobar=", "FOO", "foobar="),
                Arguments.of("OPTION_A=postgres://localhost:5432/database?sslmode=disable", "OPTION_A",
                        "postgres://localhost:5432/database?sslmode=disable"),
                // export
                Arguments.of("export OPTION_A=2", "OPTION_A", "2"),
                Arguments.of("export OPTION_B='\\n'", "OPTION_B", "\\n"),
                Arguments.of("export exportFoo=2", "exportFoo", "2"),
                Arguments.of("exportFOO=2", "exportFOO", "2"),
                Arguments.of("export_FOO =2", "export_FOO", "2"),
                Arguments.of("export.FOO= 2", "export.FOO", "2"),
                Arguments.of("export\tOPTION_A=2", "OPTION_A", "2"),
                Arguments.of("  export OPTION_A=2", "OPTION_A", "2"),
                Arguments.of("export OPTION_A=\"export A\"", "OPTION_A", "export A"),
                // escapes: only in double quotes
                Arguments.of("FOO=\"bar\\nbaz\"", "FOO", "bar\nbaz"),
                Arguments.of("FOO=a\\tb", "FOO", "a\\tb"),
                Arguments.of("FOO=\"a\\tb\"", "FOO", "a\tb"),
                Arguments.of("KEY=\"Z\\aZ\\bZ\\fZ\\nZ\\rZ\\tZ\\vZ\\\\Z\\0123Z\"", "KEY",
                        "Z\u0007Z\bZ\fZ\nZ\rZ\tZ\u000BZ\\ZSZ"),
                Arguments.of("FOO=\"bar\\n\\ b\\az\"", "FOO", "bar\n\\ b\u0007z"),
                Arguments.of("FOO=\"bar\\\\\\n\\ b\\az\"", "FOO", "bar\\\n\\ b\u0007z"),
                Arguments.of("FOO=\"bar\\\\r\\ b\\az\"", "FOO", "bar\\r\\ b\u0007z"),
                Arguments.of("FOO=\"bar\\nbaz\\\\\"", "FOO", "bar\nbaz\\"),
                Arguments.of("KEY=\"\\0123\"", "KEY", "S"),
                Arguments.of("KEY=\"\\012\"", "KEY", "\\12"),
                Arguments.of("KEY=\"\\x07\"", "KEY", "\\x07"),
                Arguments.of("KEY=\"\\u12e4\"", "KEY", "\\u12e4"),
                Arguments.of("KEY=\"\\U00101234\"", "KEY", "\\U00101234"),
                Arguments.of("KEY='\\t\\\\'", "KEY", "\\t\\\\"),
                // names
                Arguments.of("FOO.BAR=foobar", "FOO.BAR", "foobar"),
                Arguments.of("VAR-WITH-DASHES=dashes", "VAR-WITH-DASHES", "dashes"),
                Arguments.of("a[1]=c", "a[1]", "c"),
                Arguments.of("árvíztűrő-TÜKÖRFÚRÓGÉP=ÁRVÍZTŰRŐ-tükörfúrógép", "árvíztűrő-TÜKÖRFÚRÓGÉP",
                        "ÁRVÍZTŰRŐ-tükörfúrógép"),
                Arguments.of("=\"value\"", "", "value"),
                // inline comments need a space before '#'; quoted values keep their '#'
                Arguments.of("FOO=bar # this is foo", "FOO", "bar"),
                Arguments.of("FOO=bar #this is foo", "FOO", "bar"),
                Arguments.of("FOO=bar #", "FOO", "bar"),
                Arguments.of("FOO=123#not-an-inline-comment", "FOO", "123#not-an-inline-comment"),
                Arguments.of("FOO=\"bar#baz\"", "FOO", "bar#baz"),
                Arguments.of("FOO=\"bar#baz\"#", "FOO", "bar#baz"),
                Arguments.of("FOO=\"bar#baz\" # comment", "FOO", "bar#baz"),
                Arguments.of("FOO='bar#baz' # comment", "FOO", "bar#baz"),
                Arguments.of("FOO=\"bar#baz#bang\" # comment", "FOO", "bar#baz#bang"),
                Arguments.of("FOO=\"ba#r\"", "FOO", "ba#r"),
                Arguments.of("FOO='ba#r'", "FOO", "ba#r"),
                Arguments.of("FOO=\r\n", "FOO", ""),
                Arguments.of("FOO=bar\r\n", "FOO", "bar"));
    }

    @ParameterizedTest
    @MethodSource("singleLines")
    void parsesLines(String line, String key, String value) {
        assertThat(parse(line)).containsExactly(entry(key, value));
    }

    @Test
    void skipsBlankLinesAndComments() {
        assertThat(parse("\n\r\n\t\t \n# Comment\n\t # comment\nexport OPTION_B='\\n'\n"))
                .containsExactly(entry("OPTION_B", "\\n"));
        assertThat(parse("")).isEmpty();
        assertThat(parse("# only a comment")).isEmpty();
    }

    @Test
    void readsThePlainFixture() {
        String plain = """
                OPTION_A=1
                OPTION_B=2
                OPTION_C= 3
                OPTION_D =4
                OPTION_E = 5
                OPTION_F =\s
                OPTION_G=
                OPTION_H = my string # Inline comment
                """;
        assertThat(parse(plain)).containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "2"),
                entry("OPTION_C", "3"), entry("OPTION_D", "4"), entry("OPTION_E", "5"), entry("OPTION_F", ""),
                entry("OPTION_G", ""), entry("OPTION_H", "my string"));
    }

    @Test
    void readsQuotedValuesAcrossLines() {
        String quoted = """
                OPTION_A='1'
                OPTION_B='2'
                OPTION_C=''
                OPTION_D='\\n'
                OPTION_E="1"
                OPTION_F="2"
                OPTION_G=""
                OPTION_H="\\n"
                OPTION_I = "echo 'asd'"
                OPTION_J = 'first line
                second line
                third line
                and so on'
                OPTION_K="multi
                  line with $X"
                OPTION_Z = "last value"
                """;
        assertThat(parse(quoted, Map.of("X", "x"))).containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "2"),
                entry("OPTION_C", ""), entry("OPTION_D", "\\n"), entry("OPTION_E", "1"), entry("OPTION_F", "2"),
                entry("OPTION_G", ""), entry("OPTION_H", "\n"), entry("OPTION_I", "echo 'asd'"),
                entry("OPTION_J", "first line\nsecond line\nthird line\nand so on"),
                entry("OPTION_K", "multi\n  line with x"),
                entry("OPTION_Z", "last value"));
        assertThat(parse("TEST_URLS=\"stratum+tcp://a:3333\nstratum+tcp://b:443\"\nNEXT=1"))
                .containsExactly(entry("TEST_URLS", "stratum+tcp://a:3333\nstratum+tcp://b:443"), entry("NEXT", "1"));
    }

    @Test
    void readsUnquotedValues() {
        String unquoted = """
                OPTION_A="some quoted phrase"
                OPTION_B=first one with an unquoted phrase
                OPTION_D=then another one with an unquoted phrase special è char
                OPTION_E="then another one quoted phrase"
                """;
        assertThat(parse(unquoted)).containsExactly(entry("OPTION_A", "some quoted phrase"),
                entry("OPTION_B", "first one with an unquoted phrase"),
                entry("OPTION_D", "then another one with an unquoted phrase special è char"),
                entry("OPTION_E", "then another one quoted phrase"));
    }

    @Test
    void skipsALeadingByteOrderMark() {
        assertThat(parse("\uFEFFOPTION_A=1\nOPTION_B=2\n"))
                .containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "2"));
    }

    @Test
    void laterLinesOverrideEarlierOnesInFirstOrder() {
        assertThat(parse("A=1\nB=2\nA=3\n")).containsExactly(entry("A", "3"), entry("B", "2"));
    }

    static Stream<Arguments> expansions() {
        return Stream.of(
                Arguments.of("FOO=test\nBAR=$FOO", "BAR", "test"),
                Arguments.of("FOO=test\nBAR=${FOO}bar", "BAR", "testbar"),
                Arguments.of("BAR=$FOO", "BAR", ""),
                Arguments.of("FOO=test\nBAR=\"quote $FOO\"", "BAR", "quote test"),
                Arguments.of("BAR='quote $FOO'", "BAR", "quote $FOO"),
                Arguments.of("FOO=\"foo\\$BAR\"", "FOO", "foo$BAR"),
                Arguments.of("FOO=\"foo\\${BAR}\"", "FOO", "foo${BAR}"),
                Arguments.of("FOO=test\nBAR=\"foo\\${FOO} ${FOO}\"", "BAR", "foo${FOO} test"),
                Arguments.of("FOO=$$HOME", "FOO", "$HOME"),
                Arguments.of("RESULT=${UNSET_VAR:-Default Value}", "RESULT", "Default Value"),
                Arguments.of("EMPTY_VAR=\nRESULT=${EMPTY_VAR:-Default Value}", "RESULT", "Default Value"),
                Arguments.of("TEST_VAR=Test Value\nRESULT=${TEST_VAR:-Default Value}", "RESULT", "Test Value"),
                Arguments.of("RESULT=${UNSET_VAR-Default Value}", "RESULT", "Default Value"),
                Arguments.of("EMPTY_VAR=\nRESULT=${EMPTY_VAR-Default Value}", "RESULT", ""),
                Arguments.of("EMPTY_VAR=\nRESULT=${EMPTY_VAR?Test error}", "RESULT", ""),
                Arguments.of("TEST_VAR=Test Value\nRESULT=${TEST_VAR:?Default Value}", "RESULT", "Test Value"),
                Arguments.of("A=1\nB=\"${A:+set} # kept\"", "B", "set # kept"));
    }

    @ParameterizedTest
    @MethodSource("expansions")
    void expandsReferencesToEarlierLines(String content, String key, String value) {
        assertThat(parse(content)).containsEntry(key, value);
    }

    @Test
    void substitutesLikeComposeWithTheSubstitutionsFixture() {
        String substitutions = """
                OPTION_A=1
                OPTION_B=${OPTION_A}
                OPTION_C=$OPTION_B
                OPTION_D=${OPTION_A}_${OPTION_B}
                OPTION_E=${OPTION_NOT_DEFINED}
                """;
        assertThat(parse(substitutions)).containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "1"),
                entry("OPTION_C", "1"), entry("OPTION_D", "1_1"), entry("OPTION_E", ""));
        // a variable of the shell wins over the file's own line when a later line refers to it
        assertThat(parse(substitutions, Map.of("OPTION_A", "5"))).containsExactly(entry("OPTION_A", "1"),
                entry("OPTION_B", "5"), entry("OPTION_C", "5"), entry("OPTION_D", "5_5"), entry("OPTION_E", ""));
    }

    @Test
    void substitutesDefaultsFromTheShellFirst() {
        String withDefaults = """
                OPTION_A=${OPTION_A:-1}
                OPTION_B=${OPTION_A}
                OPTION_C=$OPTION_B
                OPTION_D=${OPTION_A}_${OPTION_B}
                OPTION_E=${OPTION_NOT_DEFINED}
                """;
        assertThat(parse(withDefaults, Map.of("OPTION_A", "5"))).containsExactly(entry("OPTION_A", "5"),
                entry("OPTION_B", "5"), entry("OPTION_C", "5"), entry("OPTION_D", "5_5"), entry("OPTION_E", ""));
        assertThat(parse(withDefaults)).containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "1"),
                entry("OPTION_C", "1"), entry("OPTION_D", "1_1"), entry("OPTION_E", ""));
    }

    @Test
    void takesBareKeysFromTheLookupAndOmitsThemWhenUnset() {
        Map<String, String> shell = Map.of("VAR_TO_BE_LOADED_FROM_OS_ENV", "SOME_RANDOM_VALUE", "EMPTY", "");
        assertThat(parse("foo=bar\nVAR_TO_BE_LOADED_FROM_OS_ENV\nbar=baz\n", shell)).containsExactly(
                entry("foo", "bar"), entry("VAR_TO_BE_LOADED_FROM_OS_ENV", "SOME_RANDOM_VALUE"), entry("bar", "baz"));
        assertThat(parse("FOO=bar\nVARIABLE_NOT_FOUND\nBAR=baz\n", shell))
                .containsExactly(entry("FOO", "bar"), entry("BAR", "baz"));
        assertThat(parse("EMPTY\r\nVAR_TO_BE_LOADED_FROM_OS_ENV", shell))
                .containsExactly(entry("EMPTY", ""), entry("VAR_TO_BE_LOADED_FROM_OS_ENV", "SOME_RANDOM_VALUE"));
        // a bare key reads the lookup only, not the lines above it
        assertThat(parse("A=1\nA\n", shell)).containsExactly(entry("A", "1"));
    }

    @Test
    void looksUpReferencesOutsideTheFile() {
        assertThat(parse("TEST=$ME", Map.of("ME", "YES"))).containsExactly(entry("TEST", "YES"));
    }

    @Test
    void reportsUnsetVariablesAsWarnings() {
        List<String> warnings = new ArrayList<>();
        DotEnvParser.parse("A=$NOPE\nB='$NOPE'\nC=\"${NOPE:-x}\"", FILE, NO_SHELL, warnings::add);
        assertThat(warnings).containsExactly("The \"NOPE\" variable is not set. Defaulting to a blank string.");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("KEY=\"", 1, 5, "unterminated quoted value \""),
                Arguments.of("KEY=\"value", 1, 5, "unterminated quoted value \"value"),
                Arguments.of("KEY=\"value\\\"", 1, 5, "unterminated quoted value"),
                Arguments.of("KEY=\"value'", 1, 5, "unterminated quoted value"),
                Arguments.of("KEY='", 1, 5, "unterminated quoted value"),
                Arguments.of("KEY='value", 1, 5, "unterminated quoted value"),
                Arguments.of("KEY='value\\'", 1, 5, "unterminated quoted value"),
                Arguments.of("KEY='value\"", 1, 5, "unterminated quoted value"),
                Arguments.of("A=1\n\nB = \"two\nlines", 3, 5, "unterminated quoted value \"two"),
                Arguments.of("lol$wut", 1, 4, "unexpected character \"$\" in variable name \"lol$wut\""),
                Arguments.of("%!(EXTRA string)=foo", 1, 1,
                        "unexpected character \"%\" in variable name \"%!(EXTRA string)=foo\""),
                Arguments.of("A=1\n  export B/C=2", 2, 11, "unexpected character \"/\" in variable name \"B/C=2\""),
                Arguments.of("OK=1\n# c\n\n\n\n\nINVALID LINE\nfoo=bar", 7, 8, "key cannot contain a space"),
                Arguments.of("MY KEY=value", 1, 3, "key cannot contain a space: \"MY KEY\""),
                Arguments.of("A=1\nB=${ A}", 2, 3, "invalid interpolation format for \"${ A}\""),
                Arguments.of("A=1\nB=\"x\n${NOPE:?is needed}\"", 2, 3,
                        "required variable NOPE is missing a value: is needed"),
                Arguments.of("RESULT=${UNSET_VAR?Test error}", 1, 8,
                        "required variable UNSET_VAR is missing a value: Test error"),
                Arguments.of("EMPTY_VAR=\nRESULT=${EMPTY_VAR:?Test error}", 2, 8,
                        "required variable EMPTY_VAR is missing a value: Test error"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void reportsErrorsWithLineAndColumn(String content, int line, int column, String problem) {
        assertThatThrownBy(() -> parse(content))
                .isInstanceOfSatisfying(ModelException.class, e -> {
                    assertThat(e.position()).isEqualTo(new Position(FILE, line, column));
                    assertThat(e.path()).isNull();
                    assertThat(e.problem()).startsWith(problem);
                    assertThat(e.fix()).isNotBlank();
                    assertThat(e.getMessage()).startsWith(FILE + ":" + line + ":" + column + ": " + problem);
                });
    }

    @Test
    void countsColumnsAfterAByteOrderMarkFromTheFirstVisibleCharacter() {
        assertThatThrownBy(() -> parse("\uFEFFA B=1"))
                .isInstanceOfSatisfying(ModelException.class,
                        e -> assertThat(e.position()).isEqualTo(new Position(FILE, 1, 2)));
    }
}
