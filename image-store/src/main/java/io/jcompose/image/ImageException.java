package io.jcompose.image;

/**
 * The one error the image store reports. It says what went wrong (naming the image and, where there
 * is one, the layer) and how to fix it; the {@link Kind} lets the agent map it to an API status and the
 * CLI to an exit code, each in one place.
 */
public final class ImageException extends RuntimeException {
    /** What kind of failure this is, independent of its wording. */
    public enum Kind {
        /** The input (a reference, a digest, a layer, a manifest) is malformed or hostile. */
        INVALID_ARGUMENT,
        /** The image, tag, blob or repository does not exist. */
        NOT_FOUND,
        /** Something with this identity already exists and may not be replaced. */
        ALREADY_EXISTS,
        /** The request is valid but the store is not in a state that allows it (e.g. image in use). */
        FAILED_PRECONDITION,
        /** The registry refused our credentials, or wants some we do not have. */
        UNAUTHENTICATED,
        /** The credentials were accepted but do not grant access to this repository. */
        PERMISSION_DENIED,
        /** A quota or rate limit was hit (registry 429, a layer larger than the configured limit). */
        RESOURCE_EXHAUSTED,
        /** A registry or the network is unreachable or failed after retries. */
        UNAVAILABLE,
        /** A bug or a local I/O failure. */
        INTERNAL
    }

    private final Kind kind;
    private final String problem;
    private final String fix;

    public ImageException(Kind kind, String problem, String fix, Throwable cause) {
        super(fix == null || fix.isBlank() ? problem : problem + " — " + fix, cause);
        this.kind = kind;
        this.problem = problem;
        this.fix = fix;
    }

    public ImageException(Kind kind, String problem, String fix) {
        this(kind, problem, fix, null);
    }

    public Kind kind() {
        return kind;
    }

    /** What is wrong, without the fix. */
    public String problem() {
        return problem;
    }

    /** How to fix it; may be null when there is nothing the user can do. */
    public String fix() {
        return fix;
    }

    /** The same error with {@code context} (e.g. "pull redis:7, layer sha256:ab…") put in front. */
    public ImageException within(String context) {
        ImageException wrapped = new ImageException(kind, context + ": " + problem, fix, getCause());
        wrapped.setStackTrace(getStackTrace());
        return wrapped;
    }
}
