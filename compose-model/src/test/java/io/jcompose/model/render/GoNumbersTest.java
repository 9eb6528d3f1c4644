package io.jcompose.model.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Float text as encoding/json and strconv 'g' (fmt.Sprint, go-yaml) write it. */
class GoNumbersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0.0, 0, 0", "1.0, 1, 1", "0.5, 0.5, 0.5", "0.001, 0.001, 0.001", "0.0001, 0.0001, 0.0001",
        "0.00001, 0.00001, 1e-05", "0.0000001, 1e-7, 1e-07", "123456.0, 123456, 123456",
        "1000000.0, 1000000, 1e+06", "1.5e20, 150000000000000000000, 1.5e+20", "1e21, 1e+21, 1e+21",
        "-2.5, -2.5, -2.5", "0.3, 0.3, 0.3", "100000000.0, 100000000, 1e+08"})
    void formats(double value, String json, String g) {
        assertThat(GoNumbers.json(value)).isEqualTo(json);
        assertThat(GoNumbers.g(value)).isEqualTo(g);
    }
}
