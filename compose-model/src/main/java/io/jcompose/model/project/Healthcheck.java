package io.jcompose.model.project;

import java.time.Duration;
import java.util.List;

/**
 * {@code services.*.healthcheck}. Unset durations and retries are {@code null}: the engine defaults (interval
 * and timeout 30s, retries 3, start period 0s, start interval 5s) belong to whoever runs the check.
 *
 * @param test          {@code ["CMD", ...]}, {@code ["CMD-SHELL", "..."]} or {@code ["NONE"]}; empty when unset
 * @param interval      time between checks, or null
 * @param timeout       time one check may take, or null
 * @param retries       consecutive failures before unhealthy, or null
 * @param startPeriod   grace period after start, or null
 * @param startInterval time between checks during the start period, or null
 * @param disable       disable the image's health check
 */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, Long retries,
                          Duration startPeriod, Duration startInterval, boolean disable) {

    public Healthcheck {
        test = Copies.list(test);
    }

    /** True when no check runs: {@code disable: true} or a test of {@code ["NONE"]}. */
    public boolean disabled() {
        return disable || (!test.isEmpty() && test.getFirst().equals("NONE"));
    }
}
