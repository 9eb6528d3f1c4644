package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** docker compose's cascade rules: which exit aborts the stack, and the code {@code up} ends with. */
class ExitWatchTest {

    /** One exit: container id, its service, its code. */
    record Exit(String id, String service, int code) {
        static Exit of(String spec) {
            String[] f = spec.split(":");
            return new Exit(f[0] + "-1", f[0], Integer.parseInt(f[1]));
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // cascade, --exit-code-from, exits in order, exit index that aborts (-1: none), final code
                Arguments.of(ExitWatch.Cascade.IGNORE, null, "web:3,db:0", -1, 0),
                Arguments.of(ExitWatch.Cascade.STOP, null, "web:0,db:137", 0, 0),
                Arguments.of(ExitWatch.Cascade.STOP, null, "web:3,db:143", 0, 3),
                Arguments.of(ExitWatch.Cascade.FAIL, null, "web:0,db:2", 1, 2),
                Arguments.of(ExitWatch.Cascade.FAIL, null, "web:0,db:0", -1, 0),
                // --exit-code-from: that service's first exit, even when another one aborted the stack first
                Arguments.of(ExitWatch.Cascade.STOP, "test", "test:4,db:137", 0, 4),
                Arguments.of(ExitWatch.Cascade.STOP, "test", "db:1,test:143", 0, 143),
                Arguments.of(ExitWatch.Cascade.STOP, "test", "db:1,web:0", 0, 1));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theFirstMatchingExitAbortsAndGivesTheCode(ExitWatch.Cascade cascade, String exitCodeFrom, String exits,
                                                   int abortAt, int code) {
        ExitWatch watch = new ExitWatch(cascade, exitCodeFrom);
        List<Exit> list = Stream.of(exits.split(",")).map(Exit::of).toList();
        list.forEach(e -> watch.watch(e.id()));
        List<Integer> aborts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (watch.exited(list.get(i).id(), list.get(i).service(), list.get(i).code())) aborts.add(i);
        }
        assertThat(aborts).isEqualTo(abortAt < 0 ? List.of() : List.of(abortAt));
        assertThat(watch.done()).isTrue();
        assertThat(watch.exitCode()).isEqualTo(code);
    }

    @org.junit.jupiter.api.Test
    void anExitOfAContainerNotWatchedChangesNothing() {
        ExitWatch watch = new ExitWatch(ExitWatch.Cascade.STOP, null);
        watch.watch("web-1");
        assertThat(watch.exited("db-1", "db", 1)).isFalse();
        assertThat(watch.done()).isFalse();
        watch.gone("web-1");
        assertThat(watch.done()).isTrue();
        assertThat(watch.exitCode()).isZero();
    }
}
