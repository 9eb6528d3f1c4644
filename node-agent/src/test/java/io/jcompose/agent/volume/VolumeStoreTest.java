package io.jcompose.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.restart.RestartStore;
import io.jcompose.agent.state.ContainerStore;
import io.jcompose.agent.state.LabelFilter;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The volume table lives in the agent's database, and a database of an earlier agent still opens. */
class VolumeStoreTest {
    @TempDir
    Path dir;

    @Test
    void anEarlierDatabaseOpensAndGainsTheNewTables() throws Exception {
        Path db = dir.resolve("state.db");
        ContainerStore.open(db).close(); // what an earlier agent left: containers only
        try (VolumeStore volumes = VolumeStore.open(db); RestartStore restarts = RestartStore.open(db);
             ContainerStore containers = ContainerStore.open(db)) {
            assertThat(volumes.list(List.of())).isEmpty();
            assertThat(restarts.get("nope")).isEqualTo(RestartStore.Entry.NEW);
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name IN ('volumes', 'restart_state')")) {
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void keepsLabelsAndOptionsAndFiltersByLabel() {
        try (VolumeStore store = VolumeStore.open(dir.resolve("state.db"))) {
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            assertThat(store.insert(new Volume("p_db", "local", Map.of(), Map.of("com.docker.compose.project", "p"), now)))
                    .isTrue();
            assertThat(store.insert(new Volume("p_db", "local", Map.of(), Map.of(), now))).isFalse();
            store.insert(new Volume("other", "local", Map.of(), Map.of("x", "y"), now));
            assertThat(store.find("p_db")).get().extracting(Volume::labels)
                    .isEqualTo(Map.of("com.docker.compose.project", "p"));
            assertThat(store.list(List.of(LabelFilter.parse("com.docker.compose.project=p")))).extracting(Volume::name)
                    .containsExactly("p_db");
            assertThat(store.list(List.of(LabelFilter.parse("x")))).extracting(Volume::name).containsExactly("other");
            store.delete("p_db");
            assertThat(store.find("p_db")).isEmpty();
        }
    }
}
