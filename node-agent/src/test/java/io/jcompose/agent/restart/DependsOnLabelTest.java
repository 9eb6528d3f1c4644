package io.jcompose.agent.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.restart.DependsOnLabel.Condition;
import io.jcompose.agent.restart.DependsOnLabel.Dependency;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docker compose's depends_on label, as written by compose v2. */
class DependsOnLabelTest {
    static Stream<Arguments> labels() {
        return Stream.of(
                Arguments.of(null, List.of()),
                Arguments.of("", List.of()),
                Arguments.of("db:service_healthy:false", List.of(new Dependency("db", Condition.HEALTHY, false))),
                Arguments.of("db:service_started:true,migrate:service_completed_successfully:false",
                        List.of(new Dependency("db", Condition.STARTED, true),
                                new Dependency("migrate", Condition.COMPLETED_SUCCESSFULLY, false))),
                Arguments.of("cache", List.of(new Dependency("cache", Condition.STARTED, false))),
                Arguments.of(" a:service_healthy:true , ,b:service_started:false",
                        List.of(new Dependency("a", Condition.HEALTHY, true), new Dependency("b", Condition.STARTED, false))));
    }

    @ParameterizedTest
    @MethodSource("labels")
    void parses(String label, List<Dependency> expected) {
        assertThat(DependsOnLabel.parse(label)).isEqualTo(expected);
    }
}
