package io.jcompose.scheduler.execute;

import java.time.Duration;

/**
 * How long to wait between two looks at a container whose health or exit a dependent waits for. Tests pass
 * {@link #NONE} so that the fake node's state machine, not the clock, drives them.
 */
@FunctionalInterface
public interface Pacing {
    Pacing NONE = () -> { };

    void pause() throws InterruptedException;

    static Pacing every(Duration interval) {
        return () -> Thread.sleep(interval);
    }
}
