package io.jcompose.agent.bundle;

import io.jcompose.agent.error.AgentException;
import java.time.Duration;
import java.util.List;

/**
 * A container's health check as the caller gave it; null fields take Docker's defaults through the
 * accessors {@link #effectiveInterval()} and friends, so the stored spec shows what was asked.
 *
 * @param test    {@code [CMD, arg...]}, {@code [CMD-SHELL, line]} or {@code [NONE]}
 * @param disable compose's {@code disable: true}: same as {@code [NONE]}
 */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, Duration startPeriod,
                          Duration startInterval, Integer retries, boolean disable) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);
    public static final int DEFAULT_RETRIES = 3;

    public Healthcheck {
        test = test == null ? List.of() : List.copyOf(test);
        if (!disable && !test.isEmpty()) {
            String kind = test.getFirst();
            boolean ok = switch (kind) {
                case "NONE" -> true;
                case "CMD" -> test.size() >= 2;
                case "CMD-SHELL" -> test.size() == 2;
                default -> false;
            };
            if (!ok) {
                throw AgentException.invalid("health check test " + test + " is not [CMD, ...], [CMD-SHELL, line] or [NONE]",
                        "start the test with CMD (then the arguments) or CMD-SHELL (then one shell line)");
            }
        }
        for (Duration d : new Duration[] {interval, timeout, startPeriod, startInterval}) {
            if (d != null && d.isNegative()) {
                throw AgentException.invalid("health check durations cannot be negative", null);
            }
        }
        if (retries != null && retries < 0) {
            throw AgentException.invalid("health check retries cannot be negative", null);
        }
    }

    /** Whether probes run at all: a test is given and it is not NONE or disabled. */
    public boolean enabled() {
        return !disable && !test.isEmpty() && !test.getFirst().equals("NONE");
    }

    /** The process a probe runs: CMD-SHELL goes through {@code /bin/sh -c}, as in Docker. */
    public List<String> command() {
        if (!enabled()) {
            return List.of();
        }
        return test.getFirst().equals("CMD-SHELL") ? List.of("/bin/sh", "-c", test.get(1)) : test.subList(1, test.size());
    }

    public Duration effectiveInterval() {
        return positiveOr(interval, DEFAULT_INTERVAL);
    }

    public Duration effectiveTimeout() {
        return positiveOr(timeout, DEFAULT_TIMEOUT);
    }

    public Duration effectiveStartPeriod() {
        return startPeriod == null ? Duration.ZERO : startPeriod;
    }

    public Duration effectiveStartInterval() {
        return positiveOr(startInterval, DEFAULT_START_INTERVAL);
    }

    /** Docker treats 0 retries as the default 3. */
    public int effectiveRetries() {
        return retries == null || retries == 0 ? DEFAULT_RETRIES : retries;
    }

    private static Duration positiveOr(Duration d, Duration fallback) {
        return d == null || d.isZero() ? fallback : d;
    }
}
