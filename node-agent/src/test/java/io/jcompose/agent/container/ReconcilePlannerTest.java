package io.jcompose.agent.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.container.ReconcilePlanner.Action;
import io.jcompose.agent.container.ReconcilePlanner.Adopt;
import io.jcompose.agent.container.ReconcilePlanner.DiscardRuntime;
import io.jcompose.agent.container.ReconcilePlanner.RecordExit;
import io.jcompose.agent.container.ReconcilePlanner.RemoveOrphanFiles;
import io.jcompose.agent.container.ReconcilePlanner.Stored;
import io.jcompose.agent.runtime.RuntimeState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (stored state × runtime state × exit file) combination and the repair it gets. */
class ReconcilePlannerTest {
    static final String ID = "c".repeat(64);

    static Stream<Arguments> table() {
        return Stream.of(
                // stored state, runtime status (null = unknown to runtime), recorded exit, expected action
                Arguments.of(ContainerState.RUNNING, "running", null, new Adopt(ID, ContainerState.RUNNING, 42, "")),
                Arguments.of(ContainerState.CREATED, "running", null, new Adopt(ID, ContainerState.RUNNING, 42, "")),
                Arguments.of(ContainerState.EXITED, "running", null, new Adopt(ID, ContainerState.RUNNING, 42, "")),
                Arguments.of(ContainerState.RUNNING, "paused", null, new Adopt(ID, ContainerState.PAUSED, 42, "")),
                Arguments.of(ContainerState.RUNNING, "stopped", 3, new RecordExit(ID, 3, "")),
                Arguments.of(ContainerState.PAUSED, "stopped", null, new RecordExit(ID, 255, "")),
                Arguments.of(ContainerState.RUNNING, null, 0, new RecordExit(ID, 0, "")),
                Arguments.of(ContainerState.RUNNING, null, null, new RecordExit(ID, 255, "")),
                Arguments.of(ContainerState.EXITED, "stopped", 1, new DiscardRuntime(ID, "")),
                Arguments.of(ContainerState.CREATED, "created", null, new DiscardRuntime(ID, "")),
                Arguments.of(ContainerState.EXITED, "created", null, new DiscardRuntime(ID, "")),
                Arguments.of(ContainerState.EXITED, null, 1, null),
                Arguments.of(ContainerState.CREATED, null, null, null));
    }

    @ParameterizedTest(name = "stored {0}, runtime {1}, exit file {2} → {3}")
    @MethodSource("table")
    void repairs(ContainerState stored, String runtimeStatus, Integer exitCode, Action expected) {
        Map<String, RuntimeState> runtime = runtimeStatus == null ? Map.of()
                : Map.of(ID, new RuntimeState(ID, runtimeStatus.equals("stopped") ? 0 : 42, runtimeStatus, "/b"));
        Map<String, Integer> exits = exitCode == null ? Map.of() : Map.of(ID, exitCode);

        List<Action> actions = ReconcilePlanner.plan(List.of(new Stored(ID, stored, 42)), runtime, exits, Set.of(ID), Set.of(ID));

        if (expected == null) {
            assertThat(actions).isEmpty();
        } else {
            assertThat(actions).first().usingRecursiveComparison().ignoringFields("reason").isEqualTo(expected);
            assertThat(actions.getFirst().reason()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "runtime {0}")
    @MethodSource("runtimeStatuses")
    void aLiveStoredContainerTheRuntimeOnlyCreatedIsExitedAndDiscarded(String status) {
        List<Action> actions = ReconcilePlanner.plan(List.of(new Stored(ID, ContainerState.RUNNING, 1)),
                Map.of(ID, new RuntimeState(ID, 9, status, "/b")), Map.of(), Set.of(), Set.of(ID));

        assertThat(actions).hasSize(2).hasExactlyElementsOfTypes(RecordExit.class, DiscardRuntime.class);
    }

    static Stream<String> runtimeStatuses() {
        return Stream.of("created", "creating");
    }

    @ParameterizedTest(name = "runtime {0}")
    @MethodSource("liveStatuses")
    void aLiveContainerWhoseMonitorDiedIsKilled(String status) {
        List<Action> actions = ReconcilePlanner.plan(List.of(new Stored(ID, ContainerState.RUNNING, 42)),
                Map.of(ID, new RuntimeState(ID, 42, status, "/b")), Map.of(), Set.of(ID), Set.of());

        assertThat(actions).singleElement().isInstanceOf(ReconcilePlanner.KillUnsupervised.class);
        assertThat(actions.getFirst().reason()).contains("monitor");
    }

    static Stream<String> liveStatuses() {
        return Stream.of("running", "paused");
    }

    @org.junit.jupiter.api.Test
    void unknownRuntimeContainersAndDirectoriesAreRemoved() {
        String other = "d".repeat(64);
        List<Action> actions = ReconcilePlanner.plan(List.of(),
                Map.of(other, new RuntimeState(other, 5, "running", "/b")), Map.of(), Set.of(ID), Set.of(other));

        assertThat(actions).containsExactly(
                new DiscardRuntime(other, actions.get(0).reason()),
                new RemoveOrphanFiles(ID, actions.get(1).reason()));
    }
}
