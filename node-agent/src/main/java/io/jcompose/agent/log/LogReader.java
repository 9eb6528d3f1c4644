package io.jcompose.agent.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a container's k8s-file log — its earlier generations ({@link LogGenerations}), then the current
 * file: everything or the last lines, inside the query's time window, then, when following, each new line
 * as the monitor appends it, across rotations. Following waits on file-change notifications (inotify), not on a
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
    /** The current file, held open while reading; null before the first read and after a rotation. */
    private FileChannel current;
    private Object currentInode;
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
                        // Taking the events before the reset coalesces a burst into one read; a key reset with
                        // events pending is queued again, and one taken without a reset never wakes us again.
                        WatchKey key = watch.take();
                        key.pollEvents();
                        key.reset();
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
        } finally {
            try {
                closeCurrent();
            } catch (IOException e) {
                // only a read channel
            }
        }
    }

    private boolean deliverInitial(Sink sink) throws IOException {
        if (query.tail() < 0) {
            return readEarlierGenerations(sink) && !closed && readCurrent(sink);
        }
        Deque<LogEntry> last = new ArrayDeque<>();
        Sink collect = entry -> {
            if (query.tail() > 0) {
                if (last.size() == query.tail()) {
                    last.removeFirst();
                }
                last.addLast(entry);
            }
            return true;
        };
        readEarlierGenerations(collect);
        if (!closed) {
            readCurrent(collect);
        }
        for (LogEntry entry : last) {
            if (!sink.accept(entry)) {
                return false;
            }
        }
        return true;
    }

    /** The generations before the current file, oldest first, each read whole. */
    private boolean readEarlierGenerations(Sink sink) throws IOException {
        for (Path earlier : earlierGenerations()) {
            if (!readWhole(earlier, sink) || closed) {
                return false;
            }
        }
        return true;
    }

    /**
     * New lines of the current file. The file is held open between calls, so when the monitor replaces it
     * (rotation), the rest of the old one is still read, then any generation made since, then the new file.
     */
    private boolean deliverNew(Sink sink) throws IOException {
        if (!readCurrent(sink) || closed) {
            return false;
        }
        Object now = LogGenerations.inode(file);
        if (current == null || now == null || now.equals(currentInode)) {
            return true;
        }
        // Rotated: whatever reached the old file before the rename is read above, and nothing more comes to it.
        Object lastRead = currentInode;
        closeCurrent();
        // The monitor may have started more than one file meanwhile, and the keeper links each as a generation a
        // moment after it appears. The new current file is opened first, then the generations are listed: every one
        // between the file just finished and the one now open is read before it, and the list is looked at again
        // until nothing turns up.
        openCurrent();
        boolean found = true;
        while (found) {
            found = false;
            List<Path> earlier = earlierGenerations();
            List<Object> inodes = new ArrayList<>();
            for (Path f : earlier) {
                inodes.add(LogGenerations.inode(f));
            }
            // After the last file read; all of them when it is pruned already (it was the oldest).
            for (int i = inodes.indexOf(lastRead) + 1; i < earlier.size(); i++) {
                if (current != null && currentInode.equals(inodes.get(i))) {
                    break; // the file now open, linked as a generation too: it is read below
                }
                if (!readWhole(earlier.get(i), sink) || closed) {
                    return false;
                }
                lastRead = inodes.get(i);
                found = true;
            }
        }
        return current == null || readToEnd(current, sink);
    }

    /** Opens the current file, if there is one: {@link #current} stays null when there is none. */
    private void openCurrent() throws IOException {
        while (current == null) {
            // The same identity before and after the open: the channel holds that file, not one renamed over it.
            Object before = LogGenerations.inode(file);
            try {
                current = FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                return;
            }
            currentInode = LogGenerations.inode(file);
            if (before == null || !before.equals(currentInode)) {
                closeCurrent();
            }
            pending.setLength(0);
        }
    }

    private List<Path> earlierGenerations() {
        return LogGenerations.files(file).stream().filter(f -> !f.equals(file)).toList();
    }

    private boolean readWhole(Path f, Sink sink) throws IOException {
        try (FileChannel channel = FileChannel.open(f, StandardOpenOption.READ)) {
            pending.setLength(0);
            return readToEnd(channel, sink);
        } catch (NoSuchFileException e) {
            return true; // pruned while we listed: it was the oldest, and is gone
        }
    }

    /** Opens the current file on first use, then reads from where the last call stopped to its end. */
    private boolean readCurrent(Sink sink) throws IOException {
        if (current == null) {
            openCurrent();
            if (current == null) {
                return true;
            }
        }
        if (current.size() < current.position()) {
            current.position(0); // truncated by someone else: start over
            pending.setLength(0);
        }
        return readToEnd(current, sink);
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            current.close();
            current = null;
            currentInode = null;
        }
    }

    /** Reads {@code channel} to its end, passing complete, wanted lines on. */
    private boolean readToEnd(FileChannel channel, Sink sink) throws IOException {
        while (true) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n <= 0) {
                return true;
            }
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

    private static void closeQuietly(WatchService watch) {
        try {
            watch.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
