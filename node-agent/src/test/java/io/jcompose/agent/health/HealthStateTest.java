package io.jcompose.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.bundle.Healthcheck;
import io.jcompose.agent.health.HealthState.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Docker's health state machine, probe by probe. */
class HealthStateTest {
    static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");

    static Healthcheck check(Integer retries, long startPeriodSeconds) {
        return new Healthcheck(List.of("CMD", "true"), null, null, Duration.ofSeconds(startPeriodSeconds), null, retries,
                false);
    }

    /** Probes as (second after start, exit code); expected status and streak after the last. */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(check(null, 0), List.of(), Status.STARTING, 0),
                Arguments.of(check(null, 0), List.of(1, 0), Status.HEALTHY, 0),
                Arguments.of(check(null, 0), List.of(1, 1), Status.STARTING, 1),
                Arguments.of(check(null, 0), List.of(1, 1, 2, 1, 3, 1), Status.UNHEALTHY, 3),
                Arguments.of(check(1, 0), List.of(1, 1), Status.UNHEALTHY, 1),
                Arguments.of(check(0, 0), List.of(1, 1, 2, 1), Status.STARTING, 2),
                Arguments.of(check(null, 0), List.of(1, 1, 2, 1, 3, 1, 4, 0), Status.HEALTHY, 0),
                Arguments.of(check(null, 0), List.of(1, 0, 2, 1, 3, 1), Status.HEALTHY, 2),
                Arguments.of(check(null, 0), List.of(1, 0, 2, 1, 3, 1, 4, -1), Status.UNHEALTHY, 3),
                // Inside the start period failures do not count while it is starting ...
                Arguments.of(check(1, 10), List.of(1, 1, 5, 1, 9, 1), Status.STARTING, 0),
                Arguments.of(check(1, 10), List.of(1, 1, 11, 1), Status.UNHEALTHY, 1),
                // ... but once healthy they do.
                Arguments.of(check(1, 10), List.of(1, 0, 2, 1), Status.UNHEALTHY, 1));
    }

    @ParameterizedTest
    @MethodSource("table")
    void foldsProbes(Healthcheck check, List<Integer> probes, Status status, int streak) {
        HealthState s = HealthState.INITIAL;
        for (int i = 0; i < probes.size(); i += 2) {
            Instant at = STARTED.plusSeconds(probes.get(i));
            s = s.apply(new Probe(at, at.plusMillis(5), probes.get(i + 1), "out"), STARTED, check);
        }
        assertThat(s.status()).isEqualTo(status);
        assertThat(s.failingStreak()).isEqualTo(streak);
    }

    @Test
    void keepsTheLastFiveProbesOldestFirst() {
        HealthState s = HealthState.INITIAL;
        for (int i = 1; i <= 7; i++) {
            Instant at = STARTED.plusSeconds(i);
            s = s.apply(new Probe(at, at, 0, "probe " + i), STARTED, check(null, 0));
        }
        assertThat(s.log()).extracting(Probe::output).containsExactly("probe 3", "probe 4", "probe 5", "probe 6", "probe 7");
    }

    static Stream<Arguments> delays() {
        Healthcheck withStart = new Healthcheck(List.of("CMD", "true"), Duration.ofSeconds(30), null,
                Duration.ofSeconds(60), Duration.ofSeconds(2), null, false);
        Healthcheck defaults = new Healthcheck(List.of("CMD", "true"), null, null, null, null, null, false);
        return Stream.of(
                Arguments.of(withStart, HealthState.INITIAL, 10, Duration.ofSeconds(2)),
                Arguments.of(withStart, HealthState.INITIAL, 61, Duration.ofSeconds(30)),
                Arguments.of(withStart, new HealthState(Status.HEALTHY, 0, List.of()), 10, Duration.ofSeconds(30)),
                Arguments.of(defaults, HealthState.INITIAL, 0, Duration.ofSeconds(30)));
    }

    @ParameterizedTest
    @MethodSource("delays")
    void probesUseTheStartIntervalOnlyWhileStartingInTheStartPeriod(Healthcheck check, HealthState state, int second,
                                                                    Duration delay) {
        assertThat(state.nextDelay(STARTED, STARTED.plusSeconds(second), check)).isEqualTo(delay);
    }

    @Test
    void dockerDefaultsAndCommands() {
        Healthcheck shell = new Healthcheck(List.of("CMD-SHELL", "test -f /ok"), null, null, null, null, null, false);
        assertThat(shell.command()).containsExactly("/bin/sh", "-c", "test -f /ok");
        assertThat(shell.effectiveInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(shell.effectiveTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(shell.effectiveStartPeriod()).isZero();
        assertThat(shell.effectiveStartInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(shell.effectiveRetries()).isEqualTo(3);
        assertThat(new Healthcheck(List.of("CMD", "curl", "-f", "x"), null, null, null, null, null, false).command())
                .containsExactly("curl", "-f", "x");
        assertThat(new Healthcheck(List.of("NONE"), null, null, null, null, null, false).enabled()).isFalse();
        assertThat(new Healthcheck(List.of("CMD", "true"), null, null, null, null, null, true).enabled()).isFalse();
    }

    @Test
    void outputIsCutAt4KiBOnACharacterBoundary() {
        byte[] big = "é".repeat(3000).getBytes(StandardCharsets.UTF_8);
        String cut = HealthMonitor.truncate(big);
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertThat(cut).isEqualTo("é".repeat(2048));
    }
}
