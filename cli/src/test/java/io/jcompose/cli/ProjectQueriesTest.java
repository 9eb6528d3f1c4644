package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.ContainerView.PublishedPortView;
import io.jcompose.agent.api.v1.EventView;
import io.jcompose.agent.api.v1.WireJson;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** port's address, ls's rows, and the shapes of events. */
class ProjectQueriesTest {
    private static ContainerView container(String project, String state, String files) {
        return new ContainerView("id", project + "-x", Map.of("com.docker.compose.project", project,
                "com.docker.compose.project.config_files", files), state, 1, null, false, null, null, null, null, null,
                null, 0, List.of(), Map.of());
    }

    @Test
    void portsPrintAsDockerPrintsThem() {
        List<PublishedPortView> ports = List.of(new PublishedPortView("", 32768, 80, "tcp"),
                new PublishedPortView("127.0.0.1", 5353, 53, "udp"), new PublishedPortView("::1", 8443, 443, "tcp"));
        assertThat(ProjectQueries.address(ports, 80, "tcp")).isEqualTo("0.0.0.0:32768");
        assertThat(ProjectQueries.address(ports, 53, "udp")).isEqualTo("127.0.0.1:5353");
        assertThat(ProjectQueries.address(ports, 53, "tcp")).isNull();
        assertThat(ProjectQueries.address(ports, 443, "tcp")).isEqualTo("[::1]:8443");
    }

    @Test
    void lsCountsStatesPerProjectSortedAndOnlyRunningOnesWithoutAll() {
        List<ContainerView> found = List.of(container("b", "running", "/b/compose.yaml"),
                container("b", "exited", "/b/compose.yaml"), container("b", "running", "/b/compose.yaml"),
                container("a", "exited", "/a/compose.yaml,/a/override.yaml"), container("c", "paused", "/c.yaml"));
        assertThat(ProjectQueries.projects(found, true)).containsExactly(
                new ProjectQueries.ProjectRow("a", "exited(1)", "/a/compose.yaml,/a/override.yaml"),
                new ProjectQueries.ProjectRow("b", "exited(1), running(2)", "/b/compose.yaml"),
                new ProjectQueries.ProjectRow("c", "paused(1)", "/c.yaml"));
        assertThat(ProjectQueries.projects(found, false)).containsExactly(
                new ProjectQueries.ProjectRow("b", "running(2)", "/b/compose.yaml"),
                new ProjectQueries.ProjectRow("c", "paused(1)", "/c.yaml"));
    }

    private static final EventView DIED = new EventView("died", "abc123", "demo-web-1",
            Map.of("com.docker.compose.service", "web", "com.docker.compose.project", "demo", "tier", "front"), 3,
            "2024-01-02T10:00:00.123456789Z", null);

    @Test
    void jsonEventsHaveDockerComposesFields() {
        assertThat(WireJson.text(EventStream.json(DIED))).isEqualTo("{\"time\":\"2024-01-02T10:00:00.123456789Z\","
                + "\"type\":\"container\",\"service\":\"web\",\"id\":\"abc123\",\"action\":\"die\","
                + "\"attributes\":{\"exitCode\":\"3\",\"name\":\"demo-web-1\",\"tier\":\"front\"}}");
    }

    @Test
    void plainEventsReadLikeDockerComposes() {
        assertThat(EventStream.plain(DIED, ZoneId.of("UTC"))).isEqualTo(
                "2024-01-02 10:00:00.123456 container die abc123 (exitCode=3, name=demo-web-1, tier=front)");
        assertThat(EventStream.action(new EventView("health_status", "x", "n", Map.of(), null, null, "healthy")))
                .isEqualTo("health_status: healthy");
    }
}
