package io.jcompose.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.bundle.Healthcheck;
import io.jcompose.agent.state.ContainerRow;
import io.jcompose.agent.state.ContainerStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthStoreTest {
    @TempDir
    Path dir;

    private static final Instant RUN = Instant.parse("2025-01-02T03:04:05.123456789Z");

    private ContainerStore containers(Path db, String... ids) {
        ContainerStore store = ContainerStore.open(db);
        for (String id : ids) {
            store.insert(new ContainerRow(id, "c-" + id, Map.of(), "{}", "running", 1, null, false, RUN, RUN, null));
        }
        return store;
    }

    @Test
    void aStateComesBackWithItsRunAndProbeLog() {
        Path db = dir.resolve("state.db");
        HealthState state = new HealthState(HealthState.Status.HEALTHY, 0, List.of(
                new Probe(RUN.plusSeconds(1), RUN.plusSeconds(2), 1, "no"),
                new Probe(RUN.plusSeconds(3), RUN.plusSeconds(4), 0, "ok\nmulti-line ✓")));
        try (ContainerStore c = containers(db, "a"); HealthStore store = HealthStore.open(db)) {
            store.put("a", RUN, state);
        }
        try (ContainerStore c = ContainerStore.open(db); HealthStore reopened = HealthStore.open(db)) {
            assertThat(reopened.get("a")).contains(new HealthStore.Saved(RUN, state));
            assertThat(reopened.get("b")).isEmpty();
        }
    }

    @Test
    void aRemovedContainerTakesItsRowAlongAndALateSaveIsIgnored() {
        Path db = dir.resolve("state.db");
        try (ContainerStore c = containers(db, "a"); HealthStore store = HealthStore.open(db)) {
            store.put("a", RUN, HealthState.INITIAL);
            c.delete("a");
            assertThat(store.get("a")).isEmpty();
            store.put("a", RUN, HealthState.INITIAL); // the probe thread of a container removed meanwhile
            assertThat(store.get("a")).isEmpty();
        }
    }

    @Test
    void theNextProbeKeepsTheScheduleOfTheLastOne() {
        Healthcheck check = new Healthcheck(List.of("CMD", "true"), Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ZERO, Duration.ZERO, 3, false);
        Instant started = Instant.now().minusSeconds(600);
        assertThat(HealthMonitor.untilNextProbe(HealthState.INITIAL, started, check)).isEqualTo(Duration.ofSeconds(30));
        HealthState overdue = new HealthState(HealthState.Status.HEALTHY, 0,
                List.of(new Probe(started, Instant.now().minusSeconds(40), 0, "")));
        assertThat(HealthMonitor.untilNextProbe(overdue, started, check)).isEqualTo(Duration.ZERO);
        HealthState recent = new HealthState(HealthState.Status.HEALTHY, 0,
                List.of(new Probe(started, Instant.now().minusSeconds(10), 0, "")));
        assertThat(HealthMonitor.untilNextProbe(recent, started, check))
                .isGreaterThan(Duration.ofSeconds(15)).isLessThanOrEqualTo(Duration.ofSeconds(20));
    }
}
