package io.jcompose.model.project;

import java.time.Duration;

/**
 * {@code deploy.restart_policy}. When present it overrides {@code services.*.restart} (see
 * {@link Service#effectiveRestart()}).
 *
 * @param condition   when to restart, or null ({@code any})
 * @param delay       wait between attempts, or null
 * @param maxAttempts give up after this many, or null
 * @param window      how long a restart must last to count as successful, or null
 */
public record RestartPolicy(Condition condition, Duration delay, Long maxAttempts, Duration window) {

    public enum Condition implements WireValue {
        NONE("none"), ON_FAILURE("on-failure"), ANY("any");

        private final String wire;

        Condition(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }
}
