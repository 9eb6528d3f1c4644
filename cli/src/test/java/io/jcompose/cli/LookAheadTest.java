package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.scheduler.node.Node;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LookAheadTest {

    /** A node answering the three look-ahead questions; the container listing waits for {@code containersMayGo}. */
    private static Node node(CountDownLatch containersMayGo, AtomicInteger asked) {
        return (Node) Proxy.newProxyInstance(Node.class.getClassLoader(), new Class<?>[] {Node.class}, (p, m, args) -> {
            asked.incrementAndGet();
            return switch (m.getName()) {
                case "containers" -> {
                    containersMayGo.await(10, TimeUnit.SECONDS);
                    yield List.of();
                }
                case "networks", "volumes" -> List.of();
                default -> throw new UnsupportedOperationException(m.getName());
            };
        });
    }

    @Test
    void anAnswerTakenBeforeTheBackgroundThreadAsksForItStillArrives() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        LookAhead ahead = LookAhead.start(() -> node(go, asked), "demo", true);
        // The command wants the networks while the background thread is still waiting for the container listing.
        CompletableFuture<List<Node.NetworkInfo>> networks = CompletableFuture.supplyAsync(
                () -> ahead.networks(() -> { throw new AssertionError("asked again in order"); }));
        Thread.sleep(100);
        go.countDown();
        assertThat(networks.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(ahead.volumes(() -> { throw new AssertionError("asked again in order"); })).isEmpty();
        assertThat(asked.get()).as("containers, networks, volumes: each asked once").isEqualTo(3);
    }

    @Test
    void eachAnswerIsHandedOutOnceAndAnotherProjectsContainersAreAskedAgain() {
        CountDownLatch go = new CountDownLatch(0);
        AtomicInteger asked = new AtomicInteger();
        LookAhead ahead = LookAhead.start(() -> node(go, asked), "demo", false);
        List<io.jcompose.agent.api.v1.ContainerView> again = List.of();
        AtomicInteger fallbacks = new AtomicInteger();
        assertThat(ahead.containers("other", () -> { fallbacks.incrementAndGet(); return again; })).isSameAs(again);
        assertThat(ahead.containers("demo", () -> { fallbacks.incrementAndGet(); return again; })).isSameAs(again);
        assertThat(fallbacks.get()).isEqualTo(2);
    }

    @Test
    void withoutARunningAgentEveryAnswerIsLeftToTheCommandsThread() {
        LookAhead ahead = LookAhead.start(() -> null, "demo", true);
        List<Node.NetworkInfo> none = List.of();
        AtomicInteger fallbacks = new AtomicInteger();
        assertThat(ahead.networks(() -> { fallbacks.incrementAndGet(); return none; })).isSameAs(none);
        assertThat(ahead.containers("demo", () -> { fallbacks.incrementAndGet(); return List.of(); })).isEmpty();
        assertThat(fallbacks.get()).isEqualTo(2);
    }
}
