package io.jcompose.model.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateTest {
    // FOO is set, BAR is set but empty, anything else is unset.
    private static final Map<String, String> ENV = Map.of("FOO", "first", "BAR", "", "USER", "jenny");
    private static final Function<String, String> LOOKUP = ENV::get;

    static Stream<Arguments> substitutions() {
        return Stream.of(
                // plain references
                Arguments.of("foo", "foo"),
                Arguments.of("This $FOO var", "This first var"),
                Arguments.of("This ${FOO} var", "This first var"),
                Arguments.of("This ${missing} var", "This  var"),
                Arguments.of("This ${BAR} var", "This  var"),
                Arguments.of("$FOO-bar", "first-bar"),
                Arguments.of("$FOO.bar", "first.bar"),
                Arguments.of("${FOO}${USER}", "firstjenny"),
                Arguments.of("$foo", ""),
                // escapes and lone dollars
                Arguments.of("$${foo}", "${foo}"),
                Arguments.of("$$FOO", "$FOO"),
                Arguments.of("$$$FOO", "$first"),
                Arguments.of("a $ string", "a $ string"),
                Arguments.of("^REGEX$", "^REGEX$"),
                Arguments.of("$}", "$}"),
                Arguments.of("$", "$"),
                Arguments.of("$1 and $-", "$1 and $-"),
                // defaults
                Arguments.of("ok ${missing:-def}", "ok def"),
                Arguments.of("ok ${missing-def}", "ok def"),
                Arguments.of("ok ${BAR:-def}", "ok def"),
                Arguments.of("ok ${BAR-def}", "ok "),
                Arguments.of("ok ${FOO:-def}", "ok first"),
                Arguments.of("ok ${FOO-def}", "ok first"),
                Arguments.of("ok ${BAR:-/non:-alphanumeric}", "ok /non:-alphanumeric"),
                Arguments.of("ok ${missing:-}", "ok "),
                // alternates
                Arguments.of("ok ${UNSET_VAR:+presence_value}", "ok "),
                Arguments.of("ok ${UNSET_VAR+presence_value}", "ok "),
                Arguments.of("ok ${FOO:+presence_value}", "ok presence_value"),
                Arguments.of("ok ${FOO+presence_value}", "ok presence_value"),
                Arguments.of("ok ${BAR+presence_value}", "ok presence_value"),
                Arguments.of("ok ${BAR:+presence_value}", "ok "),
                // required, when satisfied
                Arguments.of("ok ${FOO:?err}", "ok first"),
                Arguments.of("ok ${FOO?err}", "ok first"),
                Arguments.of("ok ${BAR?err}", "ok "),
                Arguments.of("${FOO?bar-baz}", "first"),
                // the operator right after the name decides, whatever the operand holds
                Arguments.of("${UNSET_VAR-myerror?msg}", "myerror?msg"),
                Arguments.of("${UNSET_VAR-va:-lu:?e}", "va:-lu:?e"),
                Arguments.of("${UNSET_VAR:-va?lu+e}", "va?lu+e"),
                Arguments.of("${FOO+va-lu?e}", "va-lu?e"),
                Arguments.of("${FOO:+va:?lu:-e}", "va:?lu:-e"),
                // text around a reference does not change which operator applies
                Arguments.of("-ok ${BAR:-defaultValue}", "-ok defaultValue"),
                Arguments.of("+ok ${UNSET:-${BAR-defaultValue}}", "+ok "),
                Arguments.of(":-ok ${UNSET-defaultValue}", ":-ok defaultValue"),
                Arguments.of(":-ok ${BAR-defaultValue}", ":-ok "),
                Arguments.of(":?ok ${BAR-defaultValue}", ":?ok "),
                Arguments.of(":?ok ${BAR:-defaultValue}", ":?ok defaultValue"),
                Arguments.of("?ok ${BAR:-defaultValue}", "?ok defaultValue"),
                // nesting
                Arguments.of("ok ${UNSET_VAR-$FOO}", "ok first"),
                Arguments.of("ok ${UNSET_VAR-${FOO}}", "ok first"),
                Arguments.of("ok ${UNSET_VAR-${FOO} ${FOO}}", "ok first first"),
                Arguments.of("ok ${BAR:-$FOO}", "ok first"),
                Arguments.of("ok ${BAR:-${FOO} ${FOO}}", "ok first first"),
                Arguments.of("ok ${BAR+$FOO}", "ok first"),
                Arguments.of("ok ${BAR+$FOO ${FOO:+second}}", "ok first second"),
                Arguments.of("${A:-${B:-x}}", "x"),
                Arguments.of("${A:-${B:-${C:-qix}}}", "qix"),
                Arguments.of("${A:-${B:-x}_test_${B:-y}}", "x_test_y"),
                Arguments.of("${A:-${B:-${C:-x}}_test}", "x_test"),
                Arguments.of("${A:-$$}", "$"),
                // braces around and inside
                Arguments.of("{{{ ${A:-foo_} }}}", "{{{ foo_ }}}"),
                Arguments.of("{{{ ${A:-foo} ${B:-DEFAULT_VALUE} }}}", "{{{ foo DEFAULT_VALUE }}}"),
                Arguments.of("${A:-baz} }}}", "baz }}}"),
                Arguments.of("${A:-x}}", "x}"),
                Arguments.of("${A:-{x}", "{x"),
                Arguments.of("${A:-{x}y}", "{x}y"),
                Arguments.of("${FOO} and ${BAR:-b} and ${USER}", "first and b and jenny"),
                // multi-line text
                Arguments.of("line $FOO\nline ${USER:-x}\n$$", "line first\nline jenny\n$"));
    }

    @ParameterizedTest
    @MethodSource("substitutions")
    void substitutes(String template, String expected) {
        assertThat(Template.substitute(template, LOOKUP)).isEqualTo(expected);
    }

    @Test
    void returnsTheSameStringWhenThereIsNoDollar() {
        String text = "nothing to do here";
        assertThat(Template.substitute(text, LOOKUP)).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"${", "${}", "${ }", "${ foo}", "${foo }", "${foo!}", "${foo", "${foo:}", "${foo:x}",
            "ok ${FOO} and ${", "${A:-x", "${A:-x\n}", "${A:-${B}", "${1}"})
    void rejectsMalformedReferences(String template) {
        assertThatThrownBy(() -> Template.substitute(template, LOOKUP))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TemplateException.Kind.INVALID_FORMAT);
                    assertThat(e.getMessage()).startsWith("invalid interpolation format for \"");
                    assertThat(e.fix()).contains("$$");
                });
    }

    static Stream<Arguments> requiredErrors() {
        return Stream.of(
                Arguments.of("not ok ${UNSET_VAR:?Mandatory Variable Unset}",
                        "required variable UNSET_VAR is missing a value: Mandatory Variable Unset"),
                Arguments.of("not ok ${BAR:?Mandatory Variable Empty}",
                        "required variable BAR is missing a value: Mandatory Variable Empty"),
                Arguments.of("not ok ${UNSET_VAR:?}", "required variable UNSET_VAR is missing a value"),
                Arguments.of("not ok ${UNSET_VAR?Mandatory Variable Unset}",
                        "required variable UNSET_VAR is missing a value: Mandatory Variable Unset"),
                Arguments.of("not ok ${UNSET_VAR?}", "required variable UNSET_VAR is missing a value"),
                Arguments.of("${UNSET_VAR?bar-baz}", "required variable UNSET_VAR is missing a value: bar-baz"),
                Arguments.of("not ok ${UNSET_VAR:?Mandatory Variable ${FOO}}",
                        "required variable UNSET_VAR is missing a value: Mandatory Variable first"),
                Arguments.of("not ok ${UNSET_VAR?Mandatory Variable $FOO}",
                        "required variable UNSET_VAR is missing a value: Mandatory Variable first"),
                Arguments.of("{{{ ${A:?foo} ${B:-DEFAULT_VALUE} }}}", "required variable A is missing a value: foo"),
                Arguments.of("${A:?foo} ${B:?bar}", "required variable A is missing a value: foo"),
                Arguments.of("${FOO} ${A:-${B:?inner}}", "required variable B is missing a value: inner"));
    }

    @ParameterizedTest
    @MethodSource("requiredErrors")
    void failsOnMissingRequiredVariables(String template, String message) {
        assertThatThrownBy(() -> Template.substitute(template, LOOKUP))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TemplateException.Kind.MISSING_REQUIRED);
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.fix()).contains("set " + e.variable());
                });
    }

    @Test
    void warnsForEveryUseOfAnUnsetPlainVariable() {
        List<String> warnings = new ArrayList<>();
        Template.substitute("$NOPE ${NOPE} ${ALSO} $FOO ${BAR}", LOOKUP, warnings::add);
        assertThat(warnings).containsExactly(
                "The \"NOPE\" variable is not set. Defaulting to a blank string.",
                "The \"NOPE\" variable is not set. Defaulting to a blank string.",
                "The \"ALSO\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void evaluatesOperandsOnlyWhenTheyAreUsed() {
        List<String> warnings = new ArrayList<>();
        String result = Template.substitute("${FOO:-$NOPE} ${UNSET+$NOPE} ${FOO:?$NOPE} ${FOO-${X:?no}}",
                LOOKUP, warnings::add);
        assertThat(result).isEqualTo("first  first first");
        assertThat(warnings).isEmpty();

        Template.substitute("${UNSET:-$NOPE}", LOOKUP, warnings::add);
        assertThat(warnings).containsExactly("The \"NOPE\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void neverWarnsForOperatorForms() {
        List<String> warnings = new ArrayList<>();
        Template.substitute("${A:-x}${B-}${C:+y}${D+z}", LOOKUP, warnings::add);
        assertThat(warnings).isEmpty();
    }

    @Test
    void looksUpEachNameAsWritten() {
        List<String> asked = new ArrayList<>();
        Template.substitute("$foo_Bar1 ${_x} $FOO-bar", name -> {
            asked.add(name);
            return "v";
        });
        assertThat(asked).containsExactly("foo_Bar1", "_x", "FOO");
    }
}
