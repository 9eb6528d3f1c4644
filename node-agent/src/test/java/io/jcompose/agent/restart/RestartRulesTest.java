package io.jcompose.agent.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.bundle.RestartPolicy;
import io.jcompose.agent.error.AgentException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Restart decisions, the backoff series and the policy syntax, as tables. */
class RestartRulesTest {

    @ParameterizedTest(name = "{0}, exit {1}, stoppedByUser {2}, count {3} -> {4}")
    @CsvSource({
        "no,             1,   false, 0, false",
        "always,         0,   false, 0, true",
        "always,         1,   false, 9, true",
        "always,         137, true,  0, false",
        "unless-stopped, 0,   false, 0, true",
        "unless-stopped, 1,   true,  0, false",
        "on-failure,     0,   false, 0, false",
        "on-failure,     1,   false, 100, true",
        "on-failure:2,   1,   false, 0, true",
        "on-failure:2,   1,   false, 1, true",
        "on-failure:2,   1,   false, 2, false",
        "on-failure:2,   0,   false, 0, false",
        "on-failure:2,   1,   true,  0, false",
    })
    void decidesLikeDocker(String policy, int exit, boolean stoppedByUser, int count, boolean restart) {
        assertThat(RestartDecider.shouldRestart(RestartPolicy.parse(policy), exit, stoppedByUser, count)).isEqualTo(restart);
    }

    @ParameterizedTest(name = "{0}, stoppedByUser {1} -> {2}")
    @CsvSource({
        "no, false, false", "on-failure, false, false", "always, false, true", "always, true, true",
        "unless-stopped, false, true", "unless-stopped, true, false",
    })
    void agentStartBringsBackAlwaysAndUnlessStoppedNotStoppedByUser(String policy, boolean stopped, boolean start) {
        assertThat(RestartDecider.startOnAgentStart(RestartPolicy.parse(policy), stopped)).isEqualTo(start);
    }

    static Stream<Arguments> backoffSeries() {
        Duration brief = Duration.ofSeconds(1);
        Duration stable = Duration.ofSeconds(10);
        return Stream.of(
                Arguments.of(List.of(brief, brief, brief, brief), List.of(100L, 200L, 400L, 800L)),
                // A run of 10 s or more starts the series again.
                Arguments.of(List.of(brief, brief, stable, brief), List.of(100L, 200L, 100L, 200L)),
                Arguments.of(List.of(brief, brief, brief, brief, brief, brief, brief, brief, brief, brief, brief, brief),
                        List.of(100L, 200L, 400L, 800L, 1600L, 3200L, 6400L, 12800L, 25600L, 51200L, 60000L, 60000L)));
    }

    @ParameterizedTest
    @MethodSource("backoffSeries")
    void backoffDoublesFrom100msCapsAtAMinuteAndResetsAfterAStableRun(List<Duration> runs, List<Long> delaysMillis) {
        Backoff backoff = new Backoff();
        assertThat(runs.stream().map(ran -> backoff.next(ran).toMillis()).toList()).isEqualTo(delaysMillis);
    }

    @Test
    void aStartByTheUserBeginsANewSeries() {
        Backoff backoff = new Backoff();
        backoff.next(Duration.ZERO);
        backoff.next(Duration.ZERO);
        backoff.reset();
        assertThat(backoff.next(Duration.ZERO)).isEqualTo(Duration.ofMillis(100));
    }

    @ParameterizedTest
    @CsvSource({"'', no", "no, no", "always, always", "unless-stopped, unless-stopped", "on-failure, on-failure",
        "on-failure:3, on-failure:3", "on-failure:0, on-failure"})
    void policiesRoundTrip(String text, String wire) {
        assertThat(RestartPolicy.parse(text).wire()).isEqualTo(wire);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sometimes", "always:3", "on-failure:x", "on-failure:-1"})
    void badPoliciesAreInvalidArguments(String text) {
        assertThatThrownBy(() -> RestartPolicy.parse(text)).isInstanceOf(AgentException.class)
                .hasMessageContaining("restart");
    }
}
