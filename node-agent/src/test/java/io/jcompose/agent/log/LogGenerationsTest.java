package io.jcompose.agent.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation as conmon does it (a new file renamed over the old one), with the agent's links keeping history. */
class LogGenerationsTest {
    static final LogPolicy THREE = new LogPolicy(4096, 3);

    @TempDir
    Path dir;

    @Test
    void eachFileTheMonitorStartsIsKeptUntilTheLimitOfFiles() throws IOException {
        Path log = dir.resolve("ctr.log");
        for (int i = 1; i <= 5; i++) {
            rotate(log, line(i));
            LogGenerations.keep(log, THREE);
            LogGenerations.keep(log, THREE); // idempotent: one link per file
        }

        assertThat(LogGenerations.files(log)).extracting(p -> p.getFileName().toString())
                .containsExactly("ctr.log.3", "ctr.log.4", "ctr.log");
        assertThat(read(log)).containsExactly("line 3", "line 4", "line 5");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the current file is linked too, so conmon's next rename keeps it")
                    .containsExactlyInAnyOrder("ctr.log", "ctr.log.3", "ctr.log.4", "ctr.log.5");
        }
    }

    @Test
    void oneFileKeepsNoHistory() throws IOException {
        Path log = dir.resolve("ctr.log");
        LogPolicy one = new LogPolicy(4096, 1);
        rotate(log, line(1));
        LogGenerations.keep(log, one);
        rotate(log, line(2));
        LogGenerations.keep(log, one);

        assertThat(read(log)).containsExactly("line 2");
    }

    @Test
    void aFileReplacedWhileNobodyLinkedItIsLostButTheRestIsReadInOrder() throws IOException {
        Path log = dir.resolve("ctr.log");
        rotate(log, line(1));
        LogGenerations.keep(log, THREE);
        rotate(log, line(2)); // the agent was down: file 2 is never linked
        rotate(log, line(3));
        LogGenerations.keep(log, THREE);

        assertThat(read(log)).containsExactly("line 1", "line 3");
    }

    @Test
    void followingReadsTheEndOfTheOldFileThenTheNewOne() throws Exception {
        Path log = dir.resolve("ctr.log");
        rotate(log, line(1));
        LogGenerations.keep(log, THREE);
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(4);
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Thread reader = Thread.startVirtualThread(() -> new LogReader(log, new LogQuery(true, true, -1, true))
                .read(stopped, e -> {
                    seen.add(e.message());
                    first.countDown();
                    all.countDown();
                    return true;
                }));
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();

        // The monitor appends a line, then starts a new file twice before the reader wakes up.
        Files.writeString(log, line(2), StandardOpenOption.APPEND);
        rotate(log, line(3));
        LogGenerations.keep(log, THREE);
        rotate(log, line(4));
        assertThat(all.await(10, TimeUnit.SECONDS)).as("seen so far: " + seen).isTrue();
        stopped.complete(null);
        reader.join(10_000);

        assertThat(seen).containsExactly("line 1", "line 2", "line 3", "line 4");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"20m, 20971520", "512k, 524288", "1g, 1073741824", "1.5m, 1572864",
        "10MB, 10485760", "8192, 8192"})
    void sizesAreReadAsDockerReadsThem(String text, long bytes) {
        assertThat(LogPolicy.parseSize(text)).isEqualTo(bytes);
        assertThat(LogPolicy.DEFAULT.withMaxSize(text).maxSize()).isEqualTo(bytes);
    }

    private static String line(int i) {
        return "2026-11-23T21:52:5" + i + ".0+00:00 stdout F line " + i + "\n";
    }

    /** What conmon does at the size limit: a new file with {@code text}, renamed over the log. */
    private static void rotate(Path log, String text) throws IOException {
        Path tmp = log.resolveSibling(log.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, log, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> read(Path log) {
        List<String> out = new CopyOnWriteArrayList<>();
        new LogReader(log, LogQuery.ALL).read(CompletableFuture.completedFuture(null), e -> out.add(e.message()));
        return out;
    }
}
