package io.jcompose.agent.client;

/**
 * Which log lines to fetch.
 *
 * @param tail -1 for all lines
 */
public record LogOptions(boolean stdout, boolean stderr, int tail, boolean follow) {
    public static final LogOptions ALL = new LogOptions(true, true, -1, false);
}
