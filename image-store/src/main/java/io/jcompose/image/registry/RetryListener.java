package io.jcompose.image.registry;

import java.time.Duration;

/** Told before a request is tried again, so progress can show it. */
@FunctionalInterface
public interface RetryListener {
    RetryListener NONE = (attempt, wait, reason) -> { };

    void retrying(int attempt, Duration wait, String reason);
}
