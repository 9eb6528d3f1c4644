package io.jcompose.agent.restart;

import java.time.Duration;

/**
 * The delay before each restart: 100 ms, doubling at every restart up to one minute, and back to
 * 100 ms once the container had run for 10 s — Docker's restart manager. Not thread-safe: the
 * supervisor uses one per container under that container's lock.
 */
public final class Backoff {
    static final Duration INITIAL = Duration.ofMillis(100);
    static final Duration MAX = Duration.ofMinutes(1);
    static final Duration STABLE = Duration.ofSeconds(10);

    private Duration current = Duration.ZERO;

    /** The delay before the next restart of a container that ran for {@code ranFor}. */
    public Duration next(Duration ranFor) {
        if (ranFor.compareTo(STABLE) >= 0) {
            current = Duration.ZERO;
        }
        current = current.isZero() ? INITIAL : current.multipliedBy(2);
        if (current.compareTo(MAX) > 0) {
            current = MAX;
        }
        return current;
    }

    /** A start by the user begins a new series. */
    public void reset() {
        current = Duration.ZERO;
    }
}
