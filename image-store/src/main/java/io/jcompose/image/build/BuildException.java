package io.jcompose.image.build;

/**
 * The error an image build reports: what went wrong (the step, the file, the stage) and how to fix it.
 * The message reads {@code problem — fix}, so a caller can print it as it is.
 */
public final class BuildException extends RuntimeException {
    private final String problem;
    private final String fix;

    public BuildException(String problem, String fix) {
        super(fix == null || fix.isBlank() ? problem : problem + " — " + fix);
        this.problem = problem;
        this.fix = fix;
    }

    /** What is wrong, without the fix. */
    public String problem() {
        return problem;
    }

    /** How to fix it; may be null when there is nothing the user can do. */
    public String fix() {
        return fix;
    }
}
