package io.jcompose.image.build.dockerfile;

import java.time.Duration;
import java.util.function.Function;

/**
 * {@code HEALTHCHECK NONE} or {@code HEALTHCHECK [--interval=D] [--timeout=D] [--start-period=D]
 * [--start-interval=D] [--retries=N] CMD command}. A zero duration means "the default", as in Docker.
 *
 * @param none true for {@code HEALTHCHECK NONE} (then {@code test} and the options are null)
 * @param test the command: {@link ShellForm} for {@code CMD cmd}, {@link ExecForm} for {@code CMD ["cmd"]}
 */
public record Healthcheck(int line, String text, boolean none, Command test, Duration interval, Duration timeout,
                          Duration startPeriod, Duration startInterval, Integer retries) implements Instruction {
    /** The container's shell expands the check. */
    @Override
    public Healthcheck expand(Function<String, String> lookup, char escape) {
        return this;
    }
}
