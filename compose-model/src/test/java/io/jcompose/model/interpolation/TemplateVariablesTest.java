package io.jcompose.model.interpolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.interpolation.Template.Variable;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateVariablesTest {

    private static Variable plain(String name) {
        return new Variable(name, "", "", false);
    }

    private static Variable withDefault(String name, String value) {
        return new Variable(name, value, "", false);
    }

    private static Variable withAlternate(String name, String value) {
        return new Variable(name, "", value, false);
    }

    private static Variable required(String name) {
        return new Variable(name, "", "", true);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("", List.of()),
                Arguments.of("bar", List.of()),
                Arguments.of("$bar", List.of(plain("bar"))),
                Arguments.of("${bar}", List.of(plain("bar"))),
                Arguments.of("${bar?:foo}", List.of(required("bar"))),
                Arguments.of("${bar?foo}", List.of(required("bar"))),
                Arguments.of("${bar:?}", List.of(required("bar"))),
                Arguments.of("${bar:-foo}", List.of(withDefault("bar", "foo"))),
                Arguments.of("${bar-foo}", List.of(withDefault("bar", "foo"))),
                Arguments.of("${bar:+foo}", List.of(withAlternate("bar", "foo"))),
                Arguments.of("${bar+foo}", List.of(withAlternate("bar", "foo"))),
                Arguments.of("$docker:${project:-cli}", List.of(plain("docker"), withDefault("project", "cli"))),
                Arguments.of("${SUBDOMAIN:-redis}.${ROOTDOMAIN:?}",
                        List.of(withDefault("SUBDOMAIN", "redis"), required("ROOTDOMAIN"))),
                Arguments.of("${SUBDOMAIN:-$ROOTDOMAIN}",
                        List.of(withDefault("SUBDOMAIN", "$ROOTDOMAIN"), plain("ROOTDOMAIN"))),
                Arguments.of("${A:-${B:-x}}", List.of(withDefault("A", "${B:-x}"), withDefault("B", "x"))),
                Arguments.of("${A:?missing ${MSG}}", List.of(required("A"), plain("MSG"))),
                Arguments.of("${A+${B}}", List.of(withAlternate("A", "${B}"), plain("B"))),
                Arguments.of("$$escaped $${also} $ and $}", List.of()),
                Arguments.of("${ bad} $ok", List.of(plain("ok"))),
                // several uses of one name: required wins, the first default or alternate is kept
                Arguments.of("${A} ${A:-one} ${A:-two} ${A:?} ${A:+alt}", List.of(new Variable("A", "one", "alt", true))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void listsVariables(String text, List<Variable> expected) {
        assertThat(Template.variables(text)).containsExactlyElementsOf(expected);
    }

    @Test
    void combineKeepsTheFirstValues() {
        Variable first = new Variable("X", "d1", "", false);
        Variable second = new Variable("X", "d2", "a2", true);
        assertThat(first.combine(second)).isEqualTo(new Variable("X", "d1", "a2", true));
    }
}
