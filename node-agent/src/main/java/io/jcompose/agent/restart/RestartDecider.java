package io.jcompose.agent.restart;

import io.jcompose.agent.bundle.RestartPolicy;

/** Whether an exit leads to a restart: Docker's rules, as one pure function. */
public final class RestartDecider {
    private RestartDecider() {
    }

    /**
     * @param stoppedByUser the exit followed a stop or kill the user asked for: never restarted
     * @param restartCount  restarts by the policy since the user last started the container
     */
    public static boolean shouldRestart(RestartPolicy policy, int exitCode, boolean stoppedByUser, int restartCount) {
        if (stoppedByUser) {
            return false;
        }
        return switch (policy.kind()) {
            case NO -> false;
            case ALWAYS, UNLESS_STOPPED -> true;
            case ON_FAILURE -> exitCode != 0 && (policy.maxRetries() == 0 || restartCount < policy.maxRetries());
        };
    }

    /**
     * Whether a container that is not running is started when the agent starts: {@code always}
     * containers, even those the user stopped (as Docker does at daemon start), and
     * {@code unless-stopped} ones the user did not stop.
     */
    public static boolean startOnAgentStart(RestartPolicy policy, boolean stoppedByUser) {
        return switch (policy.kind()) {
            case ALWAYS -> true;
            case UNLESS_STOPPED -> !stoppedByUser;
            case NO, ON_FAILURE -> false;
        };
    }
}
