package io.jcompose.agent.api.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.api.v1.ContainerSpecBody.LoggingBody;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.log.LogPolicy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A container's own log limits: carried from the wire into the spec and back, and laid over the agent's policy. */
class LoggingBodyTest {
    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of(null, null, LogPolicy.DEFAULT),
                Arguments.of(new LoggingBody(null, null), null, LogPolicy.DEFAULT),
                Arguments.of(new LoggingBody(1L << 20, null), new LogPolicy.Limits(1L << 20, null), new LogPolicy(1L << 20, 5)),
                Arguments.of(new LoggingBody(null, 2), new LogPolicy.Limits(null, 2), new LogPolicy(20L << 20, 2)),
                Arguments.of(new LoggingBody(8192L, 1), new LogPolicy.Limits(8192L, 1), new LogPolicy(8192, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void limitsRoundTripAndFillInTheAgentsPolicy(LoggingBody body, LogPolicy.Limits limits, LogPolicy effective) {
        var spec = SpecBodies.toDomain(ContainerSpecBody.ofRootfs("/r", List.of("true")).withLogging(body));

        assertThat(spec.logLimits()).isEqualTo(limits);
        assertThat(LogPolicy.DEFAULT.apply(spec.logLimits())).isEqualTo(effective);
        assertThat(SpecBodies.fromDomain(spec).logging()).isEqualTo(limits == null ? null : body);
    }

    @Test
    void limitsTheMonitorCannotKeepAreRefused() {
        assertThatThrownBy(() -> SpecBodies.toDomain(ContainerSpecBody.ofRootfs("/r", List.of("true"))
                .withLogging(new LoggingBody(100L, null))))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.getMessage()).contains("spec.logging"));
    }
}
