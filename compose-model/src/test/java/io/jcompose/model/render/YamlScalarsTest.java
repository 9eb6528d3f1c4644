package io.jcompose.model.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** go-yaml's choice between plain, quoted and literal strings, and its key order. */
class YamlScalarsTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            nginx:latest                  | PLAIN
            8080                          | DOUBLE
            ``                            | DOUBLE
            no                            | DOUBLE
            on                            | DOUBLE
            true                          | DOUBLE
            null                          | DOUBLE
            ~                             | DOUBLE
            1.5                           | DOUBLE
            1e3                           | DOUBLE
            0x1F                          | DOUBLE
            1_000                         | DOUBLE
            22:22                         | DOUBLE
            8080:80                       | PLAIN
            2001-12-14                    | DOUBLE
            .inf                          | DOUBLE
            echo "hello world"            | PLAIN
            tcp://192.168.0.42:123        | PLAIN
            c 1:3 mr                      | PLAIN
            a 7:* rmw                     | PLAIN
            *.example.com                 | SINGLE
            -p                            | PLAIN
            - item                        | SINGLE
            key: value                    | SINGLE
            a #comment                    | SINGLE
            a#b                           | PLAIN
            @home                         | SINGLE
            `trailing `                   | SINGLE
            `with	tab`                   | DOUBLE
            ---                           | SINGLE
            """)
    void style(String text, YamlScalars.Style style) {
        assertThat(YamlScalars.style(text)).isEqualTo(style);
    }

    @Test
    void multiLineTextIsALiteralBlockUnlessItNeedsEscapes() {
        assertThat(YamlScalars.style("FROM alpine\nRUN true\n")).isEqualTo(YamlScalars.Style.LITERAL);
        assertThat(YamlScalars.style("trailing space \nx")).isEqualTo(YamlScalars.Style.DOUBLE);
    }

    @Test
    void quotingEscapesLikeLibyaml() {
        assertThat(YamlScalars.doubleQuoted("a\"b\\c\td\u0001")).isEqualTo("\"a\\\"b\\\\c\\td\\x01\"");
        assertThat(YamlScalars.singleQuoted("it's")).isEqualTo("'it''s'");
    }

    @Test
    void keysSortWithDigitRunsComparedAsNumbers() {
        List<String> keys = new ArrayList<>(List.of("a10", "a9", "b", "A", "a_b", "ab", "x-1", "net.core"));
        keys.sort(YamlScalars.KEY_ORDER);
        // "_" is no letter and no digit: it sorts as an empty digit run, before "9"
        assertThat(keys).containsExactly("A", "a_b", "a9", "a10", "ab", "b", "net.core", "x-1");
    }
}
