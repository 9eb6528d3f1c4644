package io.jcompose.agent.runtime;

/**
 * A container as the OCI runtime reports it ({@code state} / {@code list --format json}).
 *
 * @param id     the container id
 * @param pid    the init process on the host, 0 once stopped
 * @param status {@code created}, {@code running}, {@code paused} or {@code stopped}
 * @param bundle the bundle directory
 */
public record RuntimeState(String id, int pid, String status, String bundle) {
    public boolean isRunning() {
        return status.equals("running");
    }

    public boolean isPaused() {
        return status.equals("paused");
    }

    public boolean isCreated() {
        return status.equals("created");
    }

    public boolean isStopped() {
        return status.equals("stopped");
    }
}
