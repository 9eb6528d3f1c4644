package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** go-shellwords splitting as compose applies it to {@code command} and {@code entrypoint} strings. */
class ShellWordsTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("bundle exec thin -p 3000", List.of("bundle", "exec", "thin", "-p", "3000"), -1),
                Arguments.of("  spaced \t out\n", List.of("spaced", "out"), -1),
                Arguments.of("echo \"hello world\"", List.of("echo", "hello world"), -1),
                Arguments.of("echo 'it''s'", List.of("echo", "its"), -1),
                Arguments.of("echo \"a \\\"quoted\\\" b\"", List.of("echo", "a \"quoted\" b"), -1),
                Arguments.of("echo 'single \\ stays'", List.of("echo", "single \\ stays"), -1),
                Arguments.of("echo a\\ b", List.of("echo", "a b"), -1),
                Arguments.of("printf a\\tb", List.of("printf", "a\tb"), -1),
                Arguments.of("echo \"\" x", List.of("echo", "", "x"), -1),
                Arguments.of("sh -c \"a && b\"", List.of("sh", "-c", "a && b"), -1),
                Arguments.of("echo $HOME ${X}", List.of("echo", "$HOME", "${X}"), -1),
                Arguments.of("echo $(date) `id`", List.of("echo", "$(date)", "`id`"), -1),
                Arguments.of("make && make install", List.of("make"), 5),
                Arguments.of("a;b", List.of("a"), 1),
                Arguments.of("cmd > out.log", List.of("cmd"), 4),
                Arguments.of("cmd 2>&1", List.of("cmd"), 4),
                Arguments.of("", List.of(), -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void splitsLikeGoShellwords(String line, List<String> words, int truncatedAt) {
        ShellWords parsed = ShellWords.parse(line);
        assertThat(parsed.words()).isEqualTo(words);
        assertThat(parsed.truncatedAt()).isEqualTo(truncatedAt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo \"open", "echo 'open", "trailing\\", "echo (x)", "echo )", "`open"})
    void rejectsUnbalancedInput(String line) {
        assertThatThrownBy(() -> ShellWords.parse(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid command line string");
    }
}
