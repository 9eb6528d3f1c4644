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

    /**
     * What a container asks for (compose {@code logging.options} {@code max-size}, {@code max-file}); a null
     * part keeps the agent's.
     */
    public record Limits(Long maxSize, Integer maxFiles) {
    }

    /** This policy with the parts {@code limits} gives; {@code limits} may be null. */
    public LogPolicy apply(Limits limits) {
        if (limits == null) {
            return this;
        }
        return new LogPolicy(limits.maxSize() != null ? limits.maxSize() : maxSize,
                limits.maxFiles() != null ? limits.maxFiles() : maxFiles);
    }

    /** This policy with files of {@code size} (Docker's form: {@code 20m}, {@code 512k}, {@code 1g}, bytes without a unit). */
    public LogPolicy withMaxSize(String size) {
        return new LogPolicy(parseSize(size), maxFiles);
    }

    public LogPolicy withMaxFiles(int files) {
        return new LogPolicy(maxSize, files);
    }

    /** A size as Docker's log options take it: a number with k, m or g (binary units, an optional trailing b). */
    public static long parseSize(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                default -> { }
            }
        }
        String number = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return (long) (Double.parseDouble(number) * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a size; use e.g. 20m, 512k or 1g");
        }
    }
}
