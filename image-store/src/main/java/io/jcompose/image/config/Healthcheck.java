package io.jcompose.image.config;

import java.time.Duration;
import java.util.List;

/**
 * The image's default health check. {@code test} is Docker's form: {@code ["NONE"]},
 * {@code ["CMD", exe, args…]} or {@code ["CMD-SHELL", command]}; a zero duration or retry count means
 * "use the engine default".
 */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, Duration startPeriod,
                          Duration startInterval, int retries) {
    public Healthcheck {
        test = List.copyOf(test);
    }

    /** True for {@code ["NONE"]}: the image disables any inherited check. */
    public boolean disabled() {
        return !test.isEmpty() && test.getFirst().equals("NONE");
    }
}
