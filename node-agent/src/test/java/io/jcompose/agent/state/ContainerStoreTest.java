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

    @Test
    void aDatabaseFromBeforeImagesOpensAndRowsGainAnImageId() throws Exception {
        Path file = dir.resolve("old.db");
        // The schema version-1 agents wrote, before containers could come from images.
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var s = db.createStatement()) {
            s.execute("CREATE TABLE containers (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, spec TEXT NOT NULL,"
                    + " state TEXT NOT NULL, pid INTEGER NOT NULL DEFAULT 0, exit_code INTEGER,"
                    + " oom_killed INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT)");
            s.execute("CREATE TABLE container_labels (container_id TEXT NOT NULL REFERENCES containers(id) ON DELETE CASCADE,"
                    + " key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (container_id, key))");
            s.execute("CREATE INDEX labels_by_key ON container_labels(key, value)");
            s.execute("INSERT INTO containers (id, name, spec, state, created_at) VALUES ('" + "b".repeat(64)
                    + "', 'old-1', '{}', 'exited', '2026-01-01T00:00:00Z')");
            s.execute("PRAGMA user_version = 1");
        }
        String image = "sha256:" + "c".repeat(64);
        try (ContainerStore store = ContainerStore.open(file)) {
            assertThat(store.find("b".repeat(64))).get().extracting(ContainerRow::imageId).isNull();
            ContainerRow r = row("d".repeat(64), "new-1", Map.of());
            store.insert(new ContainerRow(r.id(), r.name(), r.labels(), r.specJson(), r.state(), 0, null, false,
                    r.createdAt(), null, null, image));
        }
        try (ContainerStore store = ContainerStore.open(file)) {
            assertThat(store.find("d".repeat(64))).get().extracting(ContainerRow::imageId).isEqualTo(image);
            assertThat(store.list(List.of())).extracting(ContainerRow::name).containsExactly("old-1", "new-1");
        }
    }
}
