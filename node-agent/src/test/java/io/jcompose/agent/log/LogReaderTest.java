package io.jcompose.agent.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogReaderTest {
    static final String LOG = """
            2026-11-23T21:52:51.706996826+00:00 stdout F out1
            2026-11-23T21:52:51.706996826+00:00 stdout P part
            2026-11-23T21:52:51.707033523+00:00 stderr F err1
            2026-11-23T21:52:51.800000000+00:00 stdout P ial
            2026-11-23T21:52:52.707994953+00:00 stdout F  line
            2026-11-23T21:52:53.000000000+00:00 stdout F\s
            2026-11-23T21:52:54.000000000+00:00 stderr F héllo wörld
            garbage that is not a record
            """;

    @TempDir
    Path dir;

    @Test
    void joinsPartialRecordsAndKeepsStreamsApart() throws IOException {
        Path file = Files.writeString(dir.resolve("ctr.log"), LOG);

        assertThat(read(file, LogQuery.ALL)).containsExactly(
                "STDOUT out1", "STDERR err1", "STDOUT partial line", "STDOUT ", "STDERR héllo wörld");
        assertThat(read(file, new LogQuery(true, false, -1, false)))
                .containsExactly("STDOUT out1", "STDOUT partial line", "STDOUT ");
        assertThat(read(file, new LogQuery(false, true, -1, false))).containsExactly("STDERR err1", "STDERR héllo wörld");
    }

    @Test
    void tailKeepsTheLastMatchingLines() throws IOException {
        Path file = Files.writeString(dir.resolve("ctr.log"), LOG);

        assertThat(read(file, new LogQuery(true, true, 2, false))).containsExactly("STDOUT ", "STDERR héllo wörld");
        assertThat(read(file, new LogQuery(true, false, 1, false))).containsExactly("STDOUT ");
        assertThat(read(file, new LogQuery(true, true, 0, false))).isEmpty();
    }

    @ParameterizedTest(name = "since {0}, until {1}, tail {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "2026-11-23T21:52:51.707033523Z | -                              | -1 | 'STDERR err1,STDOUT ,STDERR héllo wörld'",
        "2026-11-23T21:52:52Z           | -                              | -1 | 'STDOUT ,STDERR héllo wörld'",
        "-                              | 2026-11-23T21:52:51.707033523Z | -1 | 'STDOUT out1'",
        "2026-11-23T21:52:51.707Z       | 2026-11-23T21:52:54Z           | -1 | 'STDERR err1,STDOUT '",
        "-                              | 2026-11-23T21:52:54Z           | 1  | 'STDOUT '",
        "2026-11-23T21:52:55Z           | -                              | -1 | ''",
    })
    void theTimeWindowComesBeforeTheTail(String since, String until, int tail, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("ctr.log"), LOG);
        LogQuery query = new LogQuery(true, true, tail, false, since == null ? null : Instant.parse(since),
                until == null ? null : Instant.parse(until));

        // "partial line" has the time of its first piece (…51.706996826), before err1's, though it is read after.
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
        assertThat(read(file, query)).containsExactlyElementsOf(want);
    }

    @Test
    void followingEndsAtTheFirstLineAfterUntil() throws Exception {
        Path file = Files.writeString(dir.resolve("ctr.log"), "2026-11-23T21:52:51.1+00:00 stdout F first\n");
        List<String> seen = new CopyOnWriteArrayList<>();
        Thread reader = Thread.startVirtualThread(() -> new LogReader(file, new LogQuery(true, true, -1, true, null,
                Instant.parse("2026-11-23T21:52:53Z"))).read(new CompletableFuture<>(), e -> seen.add(e.message())));

        append(file, "2026-11-23T21:52:52.1+00:00 stdout F second\n");
        append(file, "2026-11-23T21:52:53.1+00:00 stdout F too late\n");
        reader.join(10_000);

        assertThat(reader.isAlive()).as("the container still runs, but nothing it writes now is wanted").isFalse();
        assertThat(seen).containsExactly("first", "second");
    }

    @Test
    void partialTimeIsTheTimeOfTheFirstPiece() throws IOException {
        Path file = Files.writeString(dir.resolve("ctr.log"), LOG);
        List<LogEntry> entries = new CopyOnWriteArrayList<>();
        new LogReader(file, LogQuery.ALL).read(CompletableFuture.completedFuture(null), entries::add);

        assertThat(entries.get(2).time().toString()).isEqualTo("2026-11-23T21:52:51.706996826Z");
    }

    @Test
    void followDeliversAppendedLinesUntilStopped() throws Exception {
        Path file = Files.writeString(dir.resolve("ctr.log"), "2026-11-23T21:52:51.1+00:00 stdout F first\n");
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch second = new CountDownLatch(2);
        Thread reader = Thread.startVirtualThread(() -> new LogReader(file, new LogQuery(true, true, -1, true))
                .read(stopped, e -> {
                    seen.add(e.message());
                    second.countDown();
                    return true;
                }));

        append(file, "2026-11-23T21:52:52.1+00:00 stdout F second\n");
        assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
        append(file, "2026-11-23T21:52:53.1+00:00 stderr F last words\n");
        stopped.complete(null);
        reader.join(10_000);

        assertThat(reader.isAlive()).isFalse();
        assertThat(seen).containsExactly("first", "second", "last words");
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    private static List<String> read(Path file, LogQuery query) {
        List<String> out = new CopyOnWriteArrayList<>();
        new LogReader(file, query).read(CompletableFuture.completedFuture(null), e -> out.add(e.stream() + " " + e.message()));
        return out;
    }
}
