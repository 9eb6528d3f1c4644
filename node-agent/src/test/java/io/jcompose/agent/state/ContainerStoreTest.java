package io.jcompose.agent.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerStoreTest {
    @TempDir
    Path dir;

    static ContainerRow row(String id, String name, Map<String, String> labels) {
        return new ContainerRow(id, name, labels, "{\"command\":[\"sh\"]}", "created", 0, null, false,
                Instant.parse("2026-01-01T00:00:00Z"), null, null);
    }

    @Test
    void rowsSurviveReopeningWithTheirLabelsAndStateChanges() {
        String id = "a".repeat(64);
        try (ContainerStore store = ContainerStore.open(dir.resolve("state.db"))) {
            store.insert(row(id, "web-1", Map.of("com.docker.compose.project", "demo", "tier", "front")));
            ContainerRow started = new ContainerRow(id, "web-1", Map.of(), "{}", "exited", 0, 137, true,
                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:01Z"),
                    Instant.parse("2026-01-01T00:00:02Z"));
            store.update(started);
        }
        try (ContainerStore store = ContainerStore.open(dir.resolve("state.db"))) {
            ContainerRow back = store.find(id).orElseThrow();
            assertThat(back.labels()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("com.docker.compose.project", "demo", "tier", "front"));
            assertThat(back.state()).isEqualTo("exited");
            assertThat(back.exitCode()).isEqualTo(137);
            assertThat(back.oomKilled()).isTrue();
            assertThat(back.specJson()).as("the spec is immutable after create").isEqualTo("{\"command\":[\"sh\"]}");
            assertThat(back.finishedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:02Z"));
        }
    }

    @Test
    void aTakenNameIsAlreadyExistsAndLeavesNothingBehind() {
        try (ContainerStore store = ContainerStore.open(dir.resolve("state.db"))) {
            store.insert(row("a".repeat(64), "web-1", Map.of()));

            assertThatThrownBy(() -> store.insert(row("b".repeat(64), "web-1", Map.of("x", "y"))))
                    .isInstanceOfSatisfying(AgentException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS));
            assertThat(store.find("b".repeat(64))).isEmpty();
            assertThat(store.list(List.of(LabelFilter.parse("x")))).isEmpty();
        }
    }

    @Test
    void listFiltersByEveryLabelConditionAndDeleteCascades() {
        try (ContainerStore store = ContainerStore.open(dir.resolve("state.db"))) {
            store.insert(row("1".repeat(64), "a", Map.of("project", "p1", "service", "web")));
            store.insert(row("2".repeat(64), "b", Map.of("project", "p1", "service", "db")));
            store.insert(row("3".repeat(64), "c", Map.of("project", "p2")));

            assertThat(names(store.list(List.of()))).containsExactly("a", "b", "c");
            assertThat(names(store.list(List.of(LabelFilter.parse("project=p1"))))).containsExactly("a", "b");
            assertThat(names(store.list(List.of(LabelFilter.parse("project=p1"), LabelFilter.parse("service=db")))))
                    .containsExactly("b");
            assertThat(names(store.list(List.of(LabelFilter.parse("service"))))).containsExactly("a", "b");

            store.delete("2".repeat(64));
            assertThat(names(store.list(List.of(LabelFilter.parse("service"))))).containsExactly("a");
        }
    }

    @Test
    void resolvesByIdNameOrUniquePrefix() {
        try (ContainerStore store = ContainerStore.open(dir.resolve("state.db"))) {
            store.insert(row("abcd1" + "1".repeat(59), "web", Map.of()));
            store.insert(row("abcd2" + "2".repeat(59), "db", Map.of()));

            assertThat(store.resolve("web").orElseThrow().name()).isEqualTo("web");
            assertThat(store.resolve("abcd1").orElseThrow().name()).isEqualTo("web");
            assertThat(store.resolve("abcd2" + "2".repeat(59)).orElseThrow().name()).isEqualTo("db");
            assertThat(store.resolve("nothing")).isEmpty();
            assertThat(store.resolve("abc")).as("too short to be a prefix").isEmpty();
            assertThatThrownBy(() -> store.resolve("abcd")).hasMessageContaining("matches 2 containers");
        }
    }

    private static List<String> names(List<ContainerRow> rows) {
        return rows.stream().map(ContainerRow::name).toList();
    }
}
