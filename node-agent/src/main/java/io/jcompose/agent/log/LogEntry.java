package io.jcompose.agent.log;

import java.time.Instant;

/**
 * One line a container wrote, with the time the monitor read it.
 *
 * @param stream  which output
 * @param message the line without its newline
 */
public record LogEntry(Instant time, Stream stream, String message) {
    public enum Stream { STDOUT, STDERR }
}
