package io.jcompose.agent.health;

import java.time.Instant;

/**
 * One probe's run.
 *
 * @param exitCode 0 healthy, anything else a failure; -1 when it timed out or could not run
 * @param output   stdout and stderr, at most {@link HealthState#MAX_OUTPUT} bytes
 */
public record Probe(Instant start, Instant end, int exitCode, String output) {
}
