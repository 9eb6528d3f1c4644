package io.jcompose.agent.log;

/**
 * How much of a container's output is kept: files of at most {@code maxSize} bytes, at most {@code maxFiles}
 * of them (the current one included), so a chatty server cannot fill the disk.
 *
 * @param maxSize  bytes per file, as conmon's {@code --log-size-max}
 * @param maxFiles files kept, at least 1
 */
public record LogPolicy(long maxSize, int maxFiles) {
    /** Docker's {@code local} log driver defaults: 20 MB per file, 5 files. */
    public static final LogPolicy DEFAULT = new LogPolicy(20L << 20, 5);

    public LogPolicy {
        if (maxSize < 4096) {
            throw new IllegalArgumentException("a log file of " + maxSize + " bytes is too small to hold a line");
        }
        if (maxFiles < 1) {
            throw new IllegalArgumentException("at least one log file is kept, not " + maxFiles);
        }
    }
}
