package io.jcompose.model.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts are what Go's fmt.Sprintf("%v", float64) prints. */
class GoTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.0          | 1
            0.5          | 0.5
            -2.25        | -2.25
            100000.0     | 100000
            123456.0     | 123456
            1000000.0    | 1e+06
            1234567.0    | 1.234567e+06
            0.0001       | 0.0001
            0.00001      | 1e-05
            0.000123     | 0.000123
            0.0000123    | 1.23e-05
            1.0E21       | 1e+21
            1.0E100      | 1e+100
            0.1          | 0.1
            3.14159      | 3.14159
            """)
    void doublesPrintAsGo(double value, String text) {
        assertThat(GoText.of(value)).isEqualTo(text);
    }

    @Test
    void specialValues() {
        assertThat(GoText.of(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoText.of(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(GoText.of(Double.NaN)).isEqualTo("NaN");
        assertThat(GoText.of(0.0)).isEqualTo("0");
        assertThat(GoText.of(-0.0)).isEqualTo("-0");
    }

    @Test
    void otherScalars() {
        assertThat(GoText.of(42L)).isEqualTo("42");
        assertThat(GoText.of(true)).isEqualTo("true");
        assertThat(GoText.of("text")).isEqualTo("text");
    }
}
