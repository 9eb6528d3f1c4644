package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations (str2duration in, Go's Duration.String out) and byte sizes (go-units RAMInBytes). */
class UnitsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0s", "0s, 0s", "10s, 10s", "90s, 1m30s", "60s, 1m0s", "120s, 2m0s", "1h, 1h0m0s", "1h30m, 1h30m0s",
        "1.5s, 1.5s", "1500ms, 1.5s", "100ms, 100ms", "1.5ms, 1.5ms", "500us, 500µs", "500µs, 500µs",
        "10ns, 10ns", "1d, 24h0m0s", "1w, 168h0m0s", "1m0.5s, 1m0.5s", "-5s, -5s", "2h45m10.25s, 2h45m10.25s"})
    void durations(String text, String printed) {
        assertThat(GoDuration.format(GoDuration.parse(text))).isEqualTo(printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "s", "1x", "1..2s", ""})
    void invalidDurations(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "512, 512", "512b, 512", "1k, 1024", "1kb, 1024", "1KiB, 1024", "50M, 52428800", "20M, 20971520",
        "1g, 1073741824", "1gb, 1073741824", "1.5g, 1610612736", "1 GB, 1073741824", "1t, 1099511627776",
        "0.5k, 512"})
    void byteSizes(String text, long bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "m", "12x", "1mbb", "1bb", "-1", "1kib2"})
    void invalidByteSizes(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "clean({0}) = {1}")
    @CsvSource({
        "'', .", "., .", "./, .", "a/, a", "a//b, a/b", "a/./b, a/b", "a/../b, b", "a/.., .", "a/../.., ..",
        "../a, ../a", "/.., /", "/a/../../b, /b", "/work/dir/./static, /work/dir/static", "//x//, /x"})
    void goPathClean(String path, String cleaned) {
        assertThat(GoPath.clean(path)).isEqualTo(cleaned);
    }
}
