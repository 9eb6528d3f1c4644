package io.jcompose.image.build.dockerfile;

/**
 * A Dockerfile that cannot be parsed or expanded. The message reads {@code SOURCE:LINE: problem — fix}
 * ({@code SOURCE: problem — fix} when no line applies, {@code line N: problem — fix} when the source is not
 * known, as for an error found while expanding one instruction).
 */
public final class DockerfileException extends RuntimeException {
    private final String source;
    private final int line;
    private final String problem;
    private final String fix;

    public DockerfileException(String source, int line, String problem, String fix) {
        super(message(source, line, problem, fix));
        this.source = source;
        this.line = line;
        this.problem = problem;
        this.fix = fix;
    }

    private static String message(String source, int line, String problem, String fix) {
        String where = source == null ? (line > 0 ? "line " + line : "") : (line > 0 ? source + ":" + line : source);
        String what = fix == null || fix.isBlank() ? problem : problem + " — " + fix;
        return where.isEmpty() ? what : where + ": " + what;
    }

    /** The same error naming {@code source}, for an error {@link Instruction#expand} raised without one. */
    public DockerfileException withSource(String source) {
        DockerfileException e = new DockerfileException(source, line, problem, fix);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The Dockerfile's name (a path or "dockerfile_inline"); null when unknown. */
    public String source() {
        return source;
    }

    /** The 1-based line the problem is on; 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** What is wrong, without the place and the fix. */
    public String problem() {
        return problem;
    }

    /** How to fix it; may be null. */
    public String fix() {
        return fix;
    }
}
