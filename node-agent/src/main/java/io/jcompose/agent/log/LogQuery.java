package io.jcompose.agent.log;

/**
 * What part of a container's log to read.
 *
 * @param stdout include standard output
 * @param stderr include standard error
 * @param tail   only the last {@code tail} matching lines; -1 for all
 * @param follow keep reading new lines until the container stops
 */
public record LogQuery(boolean stdout, boolean stderr, int tail, boolean follow) {
    public static final LogQuery ALL = new LogQuery(true, true, -1, false);

    boolean wants(LogEntry.Stream stream) {
        return stream == LogEntry.Stream.STDOUT ? stdout : stderr;
    }
}
