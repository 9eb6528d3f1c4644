package io.jcompose.cli;

import java.util.HashSet;
import java.util.Set;

/**
 * When {@code up} in the foreground ends and with which exit code, by docker compose's rules. It watches a set of
 * containers (those of the named services, else of the attached ones): the run ends when every one of them has
 * exited for good. With a cascade the first exit (the first failure, for {@link Cascade#FAIL}) aborts the stack
 * and gives the exit code; {@code --exit-code-from} then takes the code of that service's first exit, which may
 * come from the abort's own stop (137, 143) when another container exited first, as in docker compose.
 *
 * <p>Not thread-safe: one thread feeds it the events.
 */
final class ExitWatch {
    /** {@code --abort-on-container-exit}, {@code --abort-on-container-failure}, or neither. */
    enum Cascade { IGNORE, STOP, FAIL }

    private final Cascade cascade;
    private final String exitCodeFrom;
    private final Set<String> running = new HashSet<>();
    private boolean aborted;
    private boolean captured;
    private int exitCode;

    ExitWatch(Cascade cascade, String exitCodeFrom) {
        this.cascade = cascade;
        this.exitCodeFrom = exitCodeFrom;
    }

    static Cascade cascade(boolean abortOnExit, boolean abortOnFailure) {
        return abortOnExit ? Cascade.STOP : abortOnFailure ? Cascade.FAIL : Cascade.IGNORE;
    }

    /** A container to wait for. */
    void watch(String id) {
        running.add(id);
    }

    boolean watches(String id) {
        return running.contains(id);
    }

    /**
     * A watched container exited and will not be restarted.
     *
     * @return true when this exit aborts the stack: the caller stops it (once)
     */
    boolean exited(String id, String service, int code) {
        if (!running.remove(id)) return false;
        if (exitCodeFrom != null && !captured && exitCodeFrom.equals(service)) {
            captured = true;
            exitCode = code;
        }
        if (aborted || cascade == Cascade.IGNORE || cascade == Cascade.FAIL && code == 0) return false;
        aborted = true;
        if (!captured) exitCode = code;
        return true;
    }

    /** A watched container went away (removed by someone else): nothing to wait for. */
    void gone(String id) {
        running.remove(id);
    }

    /** Every watched container has exited. */
    boolean done() {
        return running.isEmpty();
    }

    boolean aborted() {
        return aborted;
    }

    int exitCode() {
        return exitCode;
    }
}
