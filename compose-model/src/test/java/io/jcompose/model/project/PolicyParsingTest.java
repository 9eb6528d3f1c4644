package io.jcompose.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code restart} and {@code pull_policy} strings, as docker compose reads them. */
class PolicyParsingTest {

    static Stream<Arguments> restarts() {
        return Stream.of(
                Arguments.of("no", Restart.Kind.NO, null),
                Arguments.of("always", Restart.Kind.ALWAYS, null),
                Arguments.of("unless-stopped", Restart.Kind.UNLESS_STOPPED, null),
                Arguments.of("on-failure", Restart.Kind.ON_FAILURE, null),
                Arguments.of("on-failure:5", Restart.Kind.ON_FAILURE, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restarts")
    void restartRoundTrips(String text, Restart.Kind kind, Integer retries) {
        Restart r = Restart.parse(text);
        assertThat(r).isEqualTo(new Restart(kind, retries));
        assertThat(r.wire()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "never", "always:3", "on-failure:", "on-failure:-1", "on-failure:x", "On-Failure"})
    void invalidRestarts(String text) {
        assertThatThrownBy(() -> Restart.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> pullPolicies() {
        return Stream.of(
                Arguments.of("always", PullPolicy.Kind.ALWAYS, null),
                Arguments.of("never", PullPolicy.Kind.NEVER, null),
                Arguments.of("missing", PullPolicy.Kind.MISSING, null),
                Arguments.of("if_not_present", PullPolicy.Kind.MISSING, null),
                Arguments.of("build", PullPolicy.Kind.BUILD, null),
                Arguments.of("refresh", PullPolicy.Kind.REFRESH, null),
                Arguments.of("daily", PullPolicy.Kind.REFRESH, Duration.ofDays(1)),
                Arguments.of("weekly", PullPolicy.Kind.REFRESH, Duration.ofDays(7)),
                Arguments.of("every_12h", PullPolicy.Kind.REFRESH, Duration.ofHours(12)),
                Arguments.of("every_1d12h", PullPolicy.Kind.REFRESH, Duration.ofHours(36)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pullPolicies")
    void pullPolicies(String text, PullPolicy.Kind kind, Duration interval) {
        assertThat(PullPolicy.parse(text)).isEqualTo(new PullPolicy(kind, interval));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sometimes", "every_", "every_soon", "Always"})
    void invalidPullPolicies(String text) {
        assertThatThrownBy(() -> PullPolicy.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
