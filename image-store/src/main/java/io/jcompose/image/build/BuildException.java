package io.jcompose.image.build;

/** A build that cannot go on: what is wrong and how to fix it. */
public final class BuildException extends RuntimeException {
    private final String problem;
    private final String fix;

    public BuildException(String problem, String fix) {
        super(fix == null ? problem : problem + " — " + fix);
        this.problem = problem;
        this.fix = fix;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }
}
