package io.jcompose.agent.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.client.LogOptions;
import io.jcompose.agent.testing.AgentFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A container writing more than its log may keep, under an agent whose policy is 3 files of 8 KiB: the
 * oldest lines are dropped, the rest is read back whole and in order — by a plain read and by a reader
 * that followed the log through every rotation — and no more than the policy's files stay on disk.
 */
class LogRotationIT {
    static final LogPolicy SMALL = new LogPolicy(8192, 3);
    static final int LINES = 600;
    static AgentFixture agent;

    @BeforeAll
    static void start() {
        agent = AgentFixture.start(c -> c.withLogPolicy(SMALL));
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void theLogIsBoundedAndTheLinesKeptAreTheLastOnesInOrder() throws IOException {
        // ~100-byte records: a file holds ~80 lines, so 600 lines rotate about 7 times. The pauses leave the
        // agent time to link each new file, as any writer slower than 8 KiB in a few milliseconds does.
        ContainerView c = agent.create("chatty", agent.spec("sh", "-c",
                "i=1; while [ $i -le " + LINES + " ]; do printf 'line %05d %s\\n' $i xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;"
                        + " [ $((i % 20)) = 0 ] && usleep 50000; i=$((i + 1)); done"));
        agent.client().start(c.id());
        List<String> followed = new CopyOnWriteArrayList<>();
        Thread follower = Thread.startVirtualThread(() -> agent.client().logs(c.id(),
                new LogOptions(true, true, -1, true), line -> followed.add(line.message())));
        assertThat(agent.client().awaitExit(c.id()).exitCode()).isZero();
        try {
            follower.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }

        List<Integer> kept = numbers(agent.output(c.id(), true, true).lines().toList());
        assertThat(kept.getLast()).isEqualTo(LINES);
        assertThat(kept.getFirst()).as("the oldest lines are gone").isGreaterThan(1);
        assertThat(kept).as("no gap between generations").isEqualTo(IntStream.rangeClosed(kept.getFirst(), LINES).boxed().toList());
        assertThat(numbers(followed)).as("a reader following the log saw every line once, in order")
                .isEqualTo(IntStream.rangeClosed(1, LINES).boxed().toList());

        Path dir = agent.host().dataRoot().resolve("containers").resolve(c.id());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().startsWith("ctr.log")).toList();
            long bytes = 0;
            for (Path f : logs) {
                if (!f.getFileName().toString().equals("ctr.log")) {
                    bytes += Files.size(f); // ctr.log is also one of the numbered names
                }
            }
            assertThat(logs.size()).as("ctr.log and its links: " + logs).isLessThanOrEqualTo(SMALL.maxFiles() + 1);
            assertThat(bytes).isLessThanOrEqualTo(SMALL.maxFiles() * SMALL.maxSize());
        }
    }

    @Test
    void aContainersOwnLimitsWinOverTheAgents() throws IOException {
        ContainerView c = agent.create("own-limits", agent.spec("sh", "-c",
                "i=1; while [ $i -le 300 ]; do printf 'line %05d %s\\n' $i xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;"
                        + " [ $((i % 20)) = 0 ] && usleep 50000; i=$((i + 1)); done")
                .withLogging(new io.jcompose.agent.api.v1.ContainerSpecBody.LoggingBody(4096L, 2)));
        agent.client().start(c.id());
        assertThat(agent.client().awaitExit(c.id()).exitCode()).isZero();

        List<Integer> kept = numbers(agent.output(c.id(), true, true).lines().toList());
        assertThat(kept.getLast()).isEqualTo(300);
        assertThat(kept.size()).as("two files of 4 KiB hold about 80 of these lines").isLessThanOrEqualTo(2 * 4096 / 90);
        assertThat(kept).isEqualTo(IntStream.rangeClosed(kept.getFirst(), 300).boxed().toList());
    }

    private static List<Integer> numbers(List<String> lines) {
        return lines.stream().map(l -> Integer.parseInt(l.substring(5, 10))).toList();
    }
}
