package io.jcompose.agent.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalsTest {
    @ParameterizedTest
    @CsvSource({"TERM,15", "sigterm,15", "SIGKILL,9", "HUP,1", "USR1,10", "QUIT,3", "WINCH,28", "SYS,31", "9,9", "64,64"})
    void namesAndNumbersBecomeTheKernelsNumbers(String signal, int number) {
        assertThat(Signals.number(Signals.normalize(signal))).hasValue(number);
    }

    @ParameterizedTest
    @CsvSource({"RTMIN", "RTMIN+3", "RTMAX-1"})
    void realTimeNamesAreLeftToTheRuntime(String signal) {
        assertThat(Signals.number(Signals.normalize(signal))).isEmpty();
    }
}
