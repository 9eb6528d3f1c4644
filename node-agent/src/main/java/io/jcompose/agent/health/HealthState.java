package io.jcompose.agent.health;

import io.jcompose.agent.bundle.Healthcheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A container's health as Docker computes it, immutable: {@link #apply} folds one probe in.
 *
 * <ul>
 *   <li>It begins {@code starting}. A passing probe makes it {@code healthy} and resets the failing streak.</li>
 *   <li>A failing probe adds to the streak, except while it is still {@code starting} inside the start
 *       period; at {@code retries} consecutive failures it is {@code unhealthy}.</li>
 *   <li>The last {@value #KEPT} probes are kept.</li>
 * </ul>
 */
public record HealthState(Status status, int failingStreak, List<Probe> log) {
    static final int KEPT = 5;
    /** Docker keeps this many bytes of a probe's output. */
    public static final int MAX_OUTPUT = 4096;

    public enum Status {
        STARTING, HEALTHY, UNHEALTHY;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final HealthState INITIAL = new HealthState(Status.STARTING, 0, List.of());

    public HealthState {
        log = List.copyOf(log);
    }

    /** The state after {@code probe}, for a container started at {@code startedAt}. */
    public HealthState apply(Probe probe, Instant startedAt, Healthcheck check) {
        List<Probe> kept = new ArrayList<>(log);
        kept.add(probe);
        while (kept.size() > KEPT) {
            kept.removeFirst();
        }
        if (probe.exitCode() == 0) {
            return new HealthState(Status.HEALTHY, 0, kept);
        }
        boolean inStartPeriod = status == Status.STARTING
                && Duration.between(startedAt, probe.start()).compareTo(check.effectiveStartPeriod()) < 0;
        if (inStartPeriod) {
            return new HealthState(status, failingStreak, kept);
        }
        int streak = failingStreak + 1;
        return new HealthState(streak >= check.effectiveRetries() ? Status.UNHEALTHY : status, streak, kept);
    }

    /**
     * How long to wait before the next probe: {@code start_interval} while starting inside the start
     * period, else {@code interval}.
     */
    public Duration nextDelay(Instant startedAt, Instant now, Healthcheck check) {
        boolean inStartPeriod = status == Status.STARTING
                && Duration.between(startedAt, now).compareTo(check.effectiveStartPeriod()) < 0;
        return inStartPeriod ? check.effectiveStartInterval() : check.effectiveInterval();
    }
}
