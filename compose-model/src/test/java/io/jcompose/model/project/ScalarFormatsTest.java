package io.jcompose.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go durations and docker byte sizes, as tables. */
class ScalarFormatsTest {

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({
            "0, 0",
            "-0, 0",
            "10s, 10000000000",
            "1m30s, 90000000000",
            "1m0s, 60000000000",
            "1h0m0s, 3600000000000",
            "500ms, 500000000",
            "1.5s, 1500000000",
            ".5s, 500000000",
            "1400us, 1400000",
            "1400µs, 1400000",
            "100ns, 100",
            "-2s, -2000000000",
            "+2s, 2000000000",
            "1d, 86400000000000",
            "1w, 604800000000000",
            "2h45m0.5s, 9900500000000",
    })
    void goDurations(String text, long nanos) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "s", "1x", "1.s.", "-", "1m30", "ten seconds", "1e3s", "99999999999999h"})
    void invalidGoDurations(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
            "0, 0",
            "1024, 1024",
            "-1, -1",
            "100b, 100",
            "100B, 100",
            "1k, 1024",
            "1kb, 1024",
            "1KB, 1024",
            "1KiB, 1024",
            "64m, 67108864",
            "64 MB, 67108864",
            "1g, 1073741824",
            "1.5g, 1610612736",
            "2t, 2199023255552",
            "1p, 1125899906842624",
            "' 20M ', 20971520",
    })
    void byteSizes(String text, long bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "g", "1x", "1.g", "-1g", "1gbb", "1 g b", "1..5m", "99999999999999999999"})
    void invalidByteSizes(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
