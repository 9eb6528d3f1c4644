package io.jcompose.agent.log;

import java.time.Instant;

/**
 * What part of a container's log to read.
 *
 * @param stdout include standard output
 * @param stderr include standard error
 * @param tail   only the last {@code tail} matching lines (those inside the time window); -1 for all
 * @param follow keep reading new lines until the container stops
 * @param since  only lines written at or after this instant; null for no lower bound
 * @param until  only lines written before this instant; null for no upper bound. Reading ends at the first
 *               later line, also when following: the monitor writes in time order, so nothing wanted can come
 */
public record LogQuery(boolean stdout, boolean stderr, int tail, boolean follow, Instant since, Instant until) {
    public static final LogQuery ALL = new LogQuery(true, true, -1, false);

    /** A query with no time window. */
    public LogQuery(boolean stdout, boolean stderr, int tail, boolean follow) {
        this(stdout, stderr, tail, follow, null, null);
    }

    boolean wants(LogEntry.Stream stream) {
        return stream == LogEntry.Stream.STDOUT ? stdout : stderr;
    }

    /** Whether {@code entry} was written before the window opened. */
    boolean early(LogEntry entry) {
        return since != null && entry.time() != null && entry.time().isBefore(since);
    }

    /** Whether {@code entry} was written after the window closed. */
    boolean late(LogEntry entry) {
        return until != null && entry.time() != null && !entry.time().isBefore(until);
    }
}
