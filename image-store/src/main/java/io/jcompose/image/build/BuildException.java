package io.jcompose.image.build;

/**
 * The one error a build reports: what is wrong (naming the step, file or source) and how to fix it.
 * The message reads {@code problem — fix}.
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

    /** How to fix it; may be empty. */
    public String fix() {
        return fix;
    }
}
