package io.jcompose.scheduler.execute;

/**
 * How one service's task ended.
 *
 * @param failure null when it succeeded; otherwise the user-facing reason (exit code, probe output, log lines)
 */
public record ServiceOutcome(String service, String failure) {

    public static ServiceOutcome ok(String service) {
        return new ServiceOutcome(service, null);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
