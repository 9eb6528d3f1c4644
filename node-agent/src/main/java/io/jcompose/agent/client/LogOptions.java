package io.jcompose.agent.client;

import java.time.Instant;

/**
 * Which log lines to fetch.
 *
 * @param tail  -1 for all lines; otherwise the last lines inside the time window
 * @param since only lines written at or after this instant, or null
 * @param until only lines written before this instant, or null
 */
public record LogOptions(boolean stdout, boolean stderr, int tail, boolean follow, Instant since, Instant until) {
    public static final LogOptions ALL = new LogOptions(true, true, -1, false);

    /** Options with no time window. */
    public LogOptions(boolean stdout, boolean stderr, int tail, boolean follow) {
        this(stdout, stderr, tail, follow, null, null);
    }
}
