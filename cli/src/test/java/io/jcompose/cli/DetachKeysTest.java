package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DetachKeysTest {
    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {
            "ctrl-p,ctrl-q | 16 17",
            "ctrl-a        | 1",
            "CTRL-Z        | 26",
            "ctrl-@        | 0",
            "ctrl-[,ctrl-_ | 27 31",
            "ctrl-\\       | 28",
            "ctrl-],ctrl-^ | 29 30",
            "a,ctrl-c      | 97 3",
    })
    void keysAreReadAsDockerReadsThem(String spec, String bytes) {
        String[] expected = bytes.split(" ");
        byte[] sequence = DetachKeys.parse(spec).sequence();
        assertThat(sequence).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(sequence[i]).isEqualTo((byte) Integer.parseInt(expected[i]));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {"ctrl-1", "ctrl-pq", "ab", "''"})
    void anythingElseIsRefusedWithTheForm(String spec) {
        assertThatThrownBy(() -> DetachKeys.parse(spec)).isInstanceOf(CommandFailure.class)
                .hasMessageContaining("ctrl-p,ctrl-q");
    }

    static Stream<Arguments> typing() {
        return Stream.of(
                // input chunks, forwarded, detached
                Arguments.of(new String[] {"hello"}, "hello", false),
                Arguments.of(new String[] {"ab\u0010\u0011cd"}, "ab", true),
                Arguments.of(new String[] {"ab\u0010", "\u0011"}, "ab", true),
                Arguments.of(new String[] {"a\u0010b"}, "a\u0010b", false),
                Arguments.of(new String[] {"\u0010", "x"}, "\u0010x", false),
                Arguments.of(new String[] {"\u0010\u0010\u0011"}, "\u0010", true),
                Arguments.of(new String[] {"\u0011\u0010"}, "\u0011", false));
    }

    @ParameterizedTest
    @MethodSource("typing")
    void theSequenceIsHeldBackUntilCompleteOrBroken(String[] chunks, String forwarded, boolean detached) {
        DetachKeys.Scanner scanner = DetachKeys.parse(DetachKeys.DEFAULT).scanner();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean detach = false;
        for (String chunk : chunks) {
            byte[] b = chunk.getBytes(StandardCharsets.ISO_8859_1);
            if (scanner.feed(b, b.length, out)) {
                detach = true;
                break;
            }
        }
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo(forwarded);
        assertThat(detach).isEqualTo(detached);
    }

    @Test
    void theDefaultIsCtrlPCtrlQ() {
        assertThat(DetachKeys.parse(DetachKeys.DEFAULT).sequence()).containsExactly(16, 17);
    }
}
