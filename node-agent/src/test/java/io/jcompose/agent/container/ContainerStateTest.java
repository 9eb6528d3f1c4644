package io.jcompose.agent.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerStateTest {
    @ParameterizedTest(name = "{1} in {0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "CREATED | START   | PROCEED",
        "CREATED | STOP    | ALREADY_DONE",
        "CREATED | KILL    | cannot kill a container in state created",
        "CREATED | PAUSE   | cannot pause a container in state created",
        "CREATED | UNPAUSE | cannot unpause a container in state created",
        "CREATED | REMOVE  | PROCEED",
        "CREATED | EXEC    | cannot exec a container in state created",
        "RUNNING | START   | ALREADY_DONE",
        "RUNNING | STOP    | PROCEED",
        "RUNNING | KILL    | PROCEED",
        "RUNNING | PAUSE   | PROCEED",
        "RUNNING | UNPAUSE | cannot unpause a container in state running",
        "RUNNING | REMOVE  | cannot remove a container in state running",
        "RUNNING | EXEC    | PROCEED",
        "PAUSED  | START   | cannot start a container in state paused",
        "PAUSED  | STOP    | PROCEED",
        "PAUSED  | KILL    | PROCEED",
        "PAUSED  | PAUSE   | cannot pause a container in state paused",
        "PAUSED  | UNPAUSE | PROCEED",
        "PAUSED  | REMOVE  | cannot remove a container in state paused",
        "PAUSED  | EXEC    | cannot exec a container in state paused",
        "EXITED  | START   | PROCEED",
        "EXITED  | STOP    | ALREADY_DONE",
        "EXITED  | KILL    | cannot kill a container in state exited",
        "EXITED  | PAUSE   | cannot pause a container in state exited",
        "EXITED  | UNPAUSE | cannot unpause a container in state exited",
        "EXITED  | REMOVE  | PROCEED",
        "EXITED  | EXEC    | cannot exec a container in state exited",
    })
    void transitionTable(ContainerState state, Operation op, String outcome) {
        if (outcome.equals("PROCEED") || outcome.equals("ALREADY_DONE")) {
            assertThat(state.check(op)).isEqualTo(ContainerState.Decision.valueOf(outcome));
        } else {
            assertThatThrownBy(() -> state.check(op))
                    .isInstanceOfSatisfying(AgentException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
                        assertThat(e.problem()).isEqualTo(outcome);
                    });
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TERM     | SIGTERM", "sigkill | SIGKILL", "15 | 15", "SIGRTMIN+3 | SIGRTMIN+3", "usr1 | SIGUSR1",
        "BOGUS    | !", "0 | !", "65 | !", "'' | !", "99999999999 | !",
    })
    void signalsAreNormalizedOrRejected(String input, String expected) {
        if (expected.equals("!")) {
            assertThatThrownBy(() -> Signals.normalize(input)).hasMessageContaining("is not a signal");
        } else {
            assertThat(Signals.normalize(input)).isEqualTo(expected);
        }
    }
}
