package io.jcompose.scheduler.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.project.DependsOn;
import io.jcompose.model.project.Project;
import io.jcompose.scheduler.SchedulerException;
import io.jcompose.scheduler.testing.Projects;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceGraphTest {

    static Stream<Arguments> implicitEdges() {
        return Stream.of(
                Arguments.of("links: [db]", DependencyEdge.Kind.LINK),
                Arguments.of("links: ['db:database']", DependencyEdge.Kind.LINK),
                Arguments.of("volumes_from: ['db:ro']", DependencyEdge.Kind.VOLUMES_FROM),
                Arguments.of("network_mode: service:db", DependencyEdge.Kind.NETWORK_MODE),
                Arguments.of("ipc: service:db", DependencyEdge.Kind.IPC),
                Arguments.of("pid: service:db", DependencyEdge.Kind.PID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implicitEdges")
    void attributesImplyAnEdge(String attribute, DependencyEdge.Kind kind) {
        Project p = Projects.project("""
                services:
                  db: {image: busybox}
                  app:
                    image: busybox
                    %s
                """.formatted(attribute));
        ServiceGraph g = ServiceGraph.of(p);
        assertThat(g.dependenciesOf("app")).singleElement().satisfies(e -> {
            assertThat(e.dependency()).isEqualTo("db");
            assertThat(e.kind()).isEqualTo(kind);
        });
        assertThat(g.startOrder()).containsExactly("db", "app");
        assertThat(g.stopOrder()).containsExactly("app", "db");
    }

    @Test
    void aWrittenConditionSurvivesAnImpliedEdge() {
        Project p = Projects.project("""
                services:
                  db: {image: busybox, healthcheck: {test: [CMD, "true"]}}
                  app:
                    image: busybox
                    network_mode: service:db
                    depends_on: {db: {condition: service_healthy}}
                """);
        DependencyEdge e = ServiceGraph.of(p).dependenciesOf("app").getFirst();
        assertThat(e.kind()).isEqualTo(DependencyEdge.Kind.NETWORK_MODE);
        assertThat(e.condition()).isEqualTo(DependsOn.Condition.SERVICE_HEALTHY);
    }

    /** The loader refuses depends_on cycles itself; a project built in code must still not get through. */
    @Test
    void aCycleIsRefusedNamingEveryServiceOnIt() {
        Project loaded = Projects.project("""
                services:
                  a: {image: busybox, depends_on: [b]}
                  b: {image: busybox, depends_on: [c]}
                  c: {image: busybox}
                  d: {image: busybox}
                """);
        Project p = loaded.withService(loaded.service("c").toBuilder().links(List.of("a")).build());
        assertThatThrownBy(() -> ServiceGraph.of(p))
                .isInstanceOf(SchedulerException.class)
                .hasMessageContaining("dependency cycle: a → b → c → a");
    }

    @Test
    void startOrderPutsDependenciesFirstAndBreaksTiesByName() {
        Project p = Projects.project("""
                services:
                  web: {image: busybox, depends_on: [api]}
                  api: {image: busybox, depends_on: [db, cache]}
                  db: {image: busybox}
                  cache: {image: busybox}
                  tools: {image: busybox}
                """);
        ServiceGraph g = ServiceGraph.of(p);
        assertThat(g.startOrder()).containsExactly("cache", "db", "api", "tools", "web");
        assertThat(g.withDependencies(List.of("api"))).containsExactly("cache", "db", "api");
        assertThat(g.dependentsOf("db")).extracting(DependencyEdge::service).containsExactly("api");
    }

    @Test
    void anOptionalDependencyOutsideTheProjectIsDropped() {
        var edges = List.of(new DependencyEdge("app", "gone", DependencyEdge.Kind.DEPENDS_ON,
                DependsOn.Condition.SERVICE_STARTED, false, false));
        assertThat(ServiceGraph.of(List.of("app"), edges).dependenciesOf("app")).isEmpty();
        var required = List.of(new DependencyEdge("app", "gone", DependencyEdge.Kind.DEPENDS_ON,
                DependsOn.Condition.SERVICE_STARTED, true, false));
        assertThatThrownBy(() -> ServiceGraph.of(List.of("app"), required))
                .hasMessageContaining("app depends on gone");
    }
}
