package io.jcompose.scheduler;

/**
 * The one failure type of the scheduler: what is wrong and, when it makes sense, how to fix it.
 * {@link #getMessage()} reads {@code problem — fix}, the form every jcompose error takes.
 */
public final class SchedulerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String fix;

    public SchedulerException(String problem, String fix) {
        this(problem, fix, null);
    }

    public SchedulerException(String problem, String fix, Throwable cause) {
        super(fix == null || fix.isBlank() ? problem : problem + " — " + fix, cause);
        this.problem = problem;
        this.fix = fix == null || fix.isBlank() ? null : fix;
    }

    public String problem() {
        return problem;
    }

    /** How to get past the failure, or null. */
    public String fix() {
        return fix;
    }
}
