package io.jcompose.agent.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.agent.error.AgentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StopSequenceTest {

    /** Records what it is asked; stopping {@code failing} throws. */
    private static final class Recorder implements StopSequence.Containers {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final Set<String> failing;

        Recorder(Set<String> failing) {
            this.failing = failing;
        }

        @Override
        public void stop(String id, Duration timeout, Runnable gone, java.util.concurrent.CompletableFuture<?> earlier) {
            calls.add("stop " + id);
            if (failing.contains(id)) throw AgentException.unavailable(id + " did not exit", null);
        }

        @Override
        public void remove(String id, boolean volumes) {
            calls.add("remove " + id + (volumes ? " -v" : ""));
        }
    }

    @Test
    void aChainStopsFromItsLastDependentToItsFirstDependency() throws InterruptedException {
        Recorder r = new Recorder(Set.of());
        List<StopSequence.Step> steps = chainAtoC();
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        new StopSequence(r).run(steps, null, false, false, p -> progress.add(p.type() + " " + p.id()));
        assertThat(r.calls).containsExactly("stop c", "stop b", "stop a");
        assertThat(progress).containsExactly("stopping c", "stopped c", "stopping b", "stopped b", "stopping a", "stopped a");
    }

    @Test
    void whatFollowsTheStopsStartsOnceEveryExitIsRecordedBesideTheRemovalsStillGoing() throws InterruptedException {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch followed = new CountDownLatch(1);
        StopSequence.Containers containers = scripted(calls, (id, gone, earlier) -> { }, id -> {
            if (id.equals("a")) {
                awaitOrFail(followed); // the last removal waits for what follows the stops: it did not wait for them
            }
        });
        new StopSequence(containers).run(chainAtoC(), null, true, false, p -> { }, () -> {
            calls.add("then");
            followed.countDown();
        });
        assertThat(calls).containsSubsequence("stop c", "stop b", "stop a", "then", "remove a");
        assertThat(calls.indexOf("then")).isGreaterThan(calls.indexOf("stop a"));
    }

    @Test
    void whatFollowsTheStopsAlsoStartsWhenAStopFailed() throws InterruptedException {
        CountDownLatch followed = new CountDownLatch(1);
        new StopSequence(new Recorder(Set.of("b"))).run(chainAtoC(), null, true, false, p -> { }, followed::countDown);
        assertThat(followed.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theNextLinkIsSignalledOnceTheProcessEndedWhileTheProgressKeepsComposeOrder() throws InterruptedException {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch bStopped = new CountDownLatch(1);
        StopSequence.Containers early = scripted(calls, (id, gone, earlier) -> {
            if (id.equals("b")) { // c's exit is not recorded yet: b's is published after it
                calls.add("b publishes after c: " + !earlier.isDone());
            }
            gone.run();
            if (id.equals("c")) {
                awaitOrFail(bStopped); // c's exit is recorded only once b's stop has begun: the chain did not wait for it
                calls.add("recorded c");
            } else if (id.equals("b")) {
                bStopped.countDown();
            }
        }, id -> { });
        List<StopSequence.Step> steps = chainAtoC();
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        new StopSequence(early).run(steps, null, true, false, p -> progress.add(p.type() + " " + p.id()));
        assertThat(calls.indexOf("stop b")).isLessThan(calls.indexOf("recorded c"));
        assertThat(calls).contains("b publishes after c: true");
        assertThat(calls.indexOf("recorded c")).isLessThan(calls.indexOf("remove c"));
        assertThat(progress.stream().filter(p -> p.startsWith("stop")).toList())
                .containsExactly("stopping c", "stopped c", "stopping b", "stopped b", "stopping a", "stopped a");
    }

    @Test
    void eachContainerIsRemovedAfterItsOwnStopAndAStoppedOneIsOnlyRemoved() throws InterruptedException {
        Recorder r = new Recorder(Set.of());
        List<StopSequence.Step> steps = List.of(
                new StopSequence.Step("db", true, List.of("web")),
                new StopSequence.Step("web", false, List.of()));
        new StopSequence(r).run(steps, Duration.ofSeconds(1), true, true, p -> { });
        assertThat(r.calls).containsExactlyInAnyOrder("stop db", "remove web -v", "remove db -v");
        assertThat(r.calls.indexOf("stop db")).isLessThan(r.calls.indexOf("remove db -v"));
    }

    @Test
    void aFailedStopIsReportedKeepsItsContainerAndStillLetsItsDependenciesStop() throws InterruptedException {
        Recorder r = new Recorder(Set.of("web"));
        List<StopSequence.Step> steps = List.of(
                new StopSequence.Step("db", true, List.of("web")),
                new StopSequence.Step("web", true, List.of()));
        List<StopSequence.Progress> progress = Collections.synchronizedList(new ArrayList<>());
        new StopSequence(r).run(steps, null, true, false, progress::add);
        assertThat(r.calls).containsExactly("stop web", "stop db", "remove db");
        assertThat(progress).anySatisfy(p -> {
            assertThat(p.id()).isEqualTo("web");
            assertThat(p.type()).isEqualTo("failed");
            assertThat(p.error()).contains("did not exit");
        });
    }

    @Test
    void aCycleOrARepeatedIdIsRefusedBeforeAnythingStops() {
        assertThatThrownBy(() -> StopSequence.check(List.of(
                new StopSequence.Step("a", true, List.of("b")),
                new StopSequence.Step("b", true, List.of("a")))))
                .isInstanceOf(AgentException.class).hasMessageContaining("cycle");
        assertThatThrownBy(() -> StopSequence.check(List.of(
                new StopSequence.Step("a", true, List.of()),
                new StopSequence.Step("a", true, List.of()))))
                .isInstanceOf(AgentException.class).hasMessageContaining("twice");
    }

    @Test
    void waitingForAnIdOutsideTheSequenceWaitsForNothing() throws InterruptedException {
        Recorder r = new Recorder(Set.of());
        new StopSequence(r).run(List.of(new StopSequence.Step("a", true, List.of("elsewhere"))), null, false, false,
                p -> { });
        assertThat(r.calls).containsExactly("stop a");
    }

    /** a follows b, b follows c: stopped c, b, a. */
    /** What a scripted stand-in does when asked to stop a container, after noting the call. */
    private interface OnStop {
        void stop(String id, Runnable gone, java.util.concurrent.CompletableFuture<?> earlier);
    }

    /**
     * A stand-in that notes {@code stop <id>} in {@code calls} before running {@code onStop}, and {@code remove <id>}
     * after running {@code onRemove}.
     */
    private static StopSequence.Containers scripted(List<String> calls, OnStop onStop, java.util.function.Consumer<String> onRemove) {
        return new StopSequence.Containers() {
            @Override
            public void stop(String id, Duration timeout, Runnable gone, java.util.concurrent.CompletableFuture<?> earlier) {
                calls.add("stop " + id);
                onStop.stop(id, gone, earlier);
            }

            @Override
            public void remove(String id, boolean volumes) {
                onRemove.accept(id);
                calls.add("remove " + id);
            }
        };
    }

    /** Waits for {@code latch} from inside a stand-in's call, failing the test if it never opens. */
    private static void awaitOrFail(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<StopSequence.Step> chainAtoC() {
        return List.of(
                new StopSequence.Step("a", true, List.of("b")),
                new StopSequence.Step("b", true, List.of("c")),
                new StopSequence.Step("c", true, List.of()));
    }
}
