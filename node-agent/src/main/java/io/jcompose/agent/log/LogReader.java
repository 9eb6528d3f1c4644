package io.jcompose.agent.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a container's k8s-file log: everything or the last lines, inside the query's time window, then,
 * when following, each new line as the monitor appends it. Following waits on file-change notifications (inotify), not on a
 * timer, and ends when {@code until} completes (the container stopped or the client left), after the
 * lines written so far have been delivered.
 */
public final class LogReader {
    /** Receives lines; returns false to stop reading (the client went away). */
    @FunctionalInterface
    public interface Sink {
        boolean accept(LogEntry entry);
    }

    private final Path file;
    private final LogQuery query;
    private final KubeLogFormat format = new KubeLogFormat();
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final StringBuilder pending = new StringBuilder();
    private long position;
    /** A line at or after the query's {@code until} was seen: nothing later is wanted. */
    private boolean closed;

    public LogReader(Path file, LogQuery query) {
        this.file = file;
        this.query = query;
    }

    /**
     * Delivers the log to {@code sink}. Returns when the log is read (no follow), when {@code until}
     * completes and the rest is drained (follow), or when the sink refuses a line.
     */
    public void read(CompletableFuture<?> until, Sink sink) {
        try {
            if (!query.follow()) {
                deliverInitial(sink);
                return;
            }
            try (WatchService watch = FileSystems.getDefault().newWatchService()) {
                Files.createDirectories(file.getParent());
                file.getParent().register(watch, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
                // Closing the watch service is the wake-up call for the blocked take() below.
                until.whenComplete((v, e) -> closeQuietly(watch));
                if (!deliverInitial(sink) || closed) {
                    return;
                }
                while (!until.isDone()) {
                    try {
                        watch.take().reset();
                        watch.poll(); // coalesce a burst of notifications into one read
                    } catch (ClosedWatchServiceException e) {
                        // `until` completed (closing the service) while we waited: drain below.
                        break;
                    }
                    if (!deliverNew(sink) || closed) {
                        return;
                    }
                }
                deliverNew(sink);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read log " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean deliverInitial(Sink sink) throws IOException {
        if (query.tail() < 0) {
            return deliverNew(sink);
        }
        Deque<LogEntry> last = new ArrayDeque<>();
        readAvailable(entry -> {
            if (query.tail() > 0) {
                if (last.size() == query.tail()) {
                    last.removeFirst();
                }
                last.addLast(entry);
            }
            return true;
        });
        for (LogEntry entry : last) {
            if (!sink.accept(entry)) {
                return false;
            }
        }
        return true;
    }

    private boolean deliverNew(Sink sink) throws IOException {
        return readAvailable(sink);
    }

    /** Reads from the last position to the current end, passing complete, wanted lines on. */
    private boolean readAvailable(Sink sink) throws IOException {
        if (!Files.exists(file)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < position) {
                position = 0; // the monitor truncated the file (size limit): start over
                pending.setLength(0);
            }
            channel.position(position);
            while (true) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n <= 0) {
                    return true;
                }
                position += n;
                // Records are ASCII up to the message; a multi-byte character split across reads is
                // only in the message and is decoded once the line is complete.
                String chunk = new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1);
                pending.append(chunk);
                int newline;
                while ((newline = pending.indexOf("\n")) >= 0) {
                    String raw = pending.substring(0, newline);
                    pending.delete(0, newline + 1);
                    String record = new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                    LogEntry entry = format.accept(record);
                    if (entry == null || !query.wants(entry.stream()) || query.early(entry)) {
                        continue;
                    }
                    if (query.late(entry)) {
                        closed = true;
                        return true;
                    }
                    if (!sink.accept(entry)) {
                        return false;
                    }
                }
            }
        }
    }

    private static void closeQuietly(WatchService watch) {
        try {
            watch.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
