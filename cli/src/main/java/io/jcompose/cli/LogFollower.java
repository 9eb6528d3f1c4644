package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.LogLine;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.agent.client.LogOptions;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the logs of several containers at once, one virtual thread each, and prints every line with its
 * {@link LogPrefix} as it comes, so lines of different containers interleave in arrival order. Without
 * {@code follow} each container's log is printed to its end; with it, until the container stops.
 *
 * <p>The agent filters by stream, time window ({@code since}/{@code until}, on each line's own time) and tail.
 *
 * @param tail       the last N lines of each container, -1 for all
 * @param since      only lines at or after this instant, or null
 * @param until      only lines before this instant, or null (reading stops at the first later line)
 * @param timestamps print each line's time before its message
 */
record LogFollower(boolean follow, int tail, Instant since, Instant until, boolean timestamps, LogPrefix prefix) {

    /** Prints until every container's log has ended; failures of one log are reported on {@code err}. */
    void print(AgentClient agent, List<ContainerView> containers, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        List<Thread> readers = new ArrayList<>(containers.size());
        for (ContainerView c : containers) {
            readers.add(Thread.ofPlatform().daemon().name("logs-" + c.name()).start(() -> {
                try {
                    read(agent, c, out);
                } catch (RuntimeException e) {
                    synchronized (out) {
                        out.flush();
                    }
                    err.println("logs of " + c.name() + " ended: " + e.getMessage());
                    err.flush();
                }
            }));
        }
        for (Thread t : readers) t.join();
    }

    private void read(AgentClient agent, ContainerView c, PrintWriter out) {
        // The agent applies the time window (before the tail, so the tail counts lines inside it); the checks
        // here only guard lines without a time.
        agent.logs(c.id(), new LogOptions(true, true, tail, follow, since, until), line -> {
            Instant at = since != null || until != null ? time(line) : null;
            if (since != null && at != null && at.isBefore(since)) return true;
            if (until != null && at != null && !at.isBefore(until)) return false;
            emit(out, render(c, line));
            return true;
        });
    }

    private static void emit(PrintWriter out, String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    String render(ContainerView c, LogLine line) {
        String message = stripNewline(line.message());
        if (timestamps && line.time() != null) message = line.time() + " " + message;
        return prefix.format(c, message);
    }

    static String stripNewline(String message) {
        if (message == null) return "";
        int end = message.length();
        if (end > 0 && message.charAt(end - 1) == '\n') end--;
        if (end > 0 && message.charAt(end - 1) == '\r') end--;
        return message.substring(0, end);
    }

    private static Instant time(LogLine line) {
        if (line.time() == null) return null;
        try {
            return Instant.parse(line.time());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
