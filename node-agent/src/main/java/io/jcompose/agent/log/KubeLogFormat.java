package io.jcompose.agent.log;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The "k8s-file" format conmon writes: {@code <RFC 3339 nano time> <stdout|stderr> <F|P> <text>}. A
 * {@code P} (partial) record is continued by the following records of the same stream up to an
 * {@code F} (full) one; the parser joins them into one line.
 */
public final class KubeLogFormat {
    private final StringBuilder[] partial = {new StringBuilder(), new StringBuilder()};
    private final Instant[] partialTime = new Instant[2];

    /**
     * Feeds one record; returns the completed line or null when the record was partial or malformed.
     * Not thread-safe: one parser per reader.
     */
    public LogEntry accept(String record) {
        int s1 = record.indexOf(' ');
        int s2 = s1 < 0 ? -1 : record.indexOf(' ', s1 + 1);
        int s3 = s2 < 0 ? -1 : record.indexOf(' ', s2 + 1);
        if (s3 < 0 && s2 > 0 && record.length() == s2 + 2) {
            s3 = record.length(); // "... stdout F" with an empty message and no trailing space
        }
        if (s3 < 0) {
            return null;
        }
        LogEntry.Stream stream = switch (record.substring(s1 + 1, s2)) {
            case "stdout" -> LogEntry.Stream.STDOUT;
            case "stderr" -> LogEntry.Stream.STDERR;
            default -> null;
        };
        if (stream == null) {
            return null;
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(record.substring(0, s1)).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
        String text = s3 >= record.length() ? "" : record.substring(s3 + 1);
        int slot = stream.ordinal();
        boolean full = record.charAt(s2 + 1) != 'P';
        if (!full) {
            if (partial[slot].isEmpty()) {
                partialTime[slot] = time;
            }
            partial[slot].append(text);
            return null;
        }
        if (!partial[slot].isEmpty()) {
            String joined = partial[slot].append(text).toString();
            Instant first = partialTime[slot];
            partial[slot].setLength(0);
            return new LogEntry(first, stream, joined);
        }
        return new LogEntry(time, stream, text);
    }
}
