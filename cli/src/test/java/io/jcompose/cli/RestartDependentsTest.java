package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.project.DependsOn.Condition;
import io.jcompose.scheduler.graph.DependencyEdge;
import io.jcompose.scheduler.graph.DependencyEdge.Kind;
import io.jcompose.scheduler.graph.ServiceGraph;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code restart X} also restarts, transitively, the services whose {@code depends_on: X} says {@code restart: true}. */
class RestartDependentsTest {
    // proxy -(restart)-> app -(restart)-> db; worker -> db without restart; report -(restart)-> worker
    private static final ServiceGraph GRAPH = ServiceGraph.of(List.of("proxy", "app", "db", "worker", "report"), List.of(
            new DependencyEdge("proxy", "app", Kind.DEPENDS_ON, Condition.SERVICE_HEALTHY, true, true),
            new DependencyEdge("app", "db", Kind.DEPENDS_ON, Condition.SERVICE_HEALTHY, true, true),
            new DependencyEdge("worker", "db", Kind.DEPENDS_ON, Condition.SERVICE_STARTED, true, false),
            new DependencyEdge("report", "worker", Kind.DEPENDS_ON, Condition.SERVICE_STARTED, true, true)));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "db        | db app proxy",
            "app       | app proxy",
            "proxy     | proxy",
            "worker    | worker report",
            "db worker | db worker app report proxy",
            "unknown   | unknown",
    })
    void theNamedServicesAndThoseThatAskedToFollowThem(String named, String expected) {
        assertThat(Lifecycle.withRestartDependents(GRAPH, List.of(named.split(" "))))
                .containsExactlyInAnyOrder(expected.split(" "));
    }
}
