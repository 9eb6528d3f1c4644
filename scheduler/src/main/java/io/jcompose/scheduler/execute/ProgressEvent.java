package io.jcompose.scheduler.execute;

/**
 * One step of progress, for the CLI to render (the scheduler never prints). {@code subject} is docker compose's
 * {@code Container demo-web-1} / {@code Network demo_default}; {@code text} its word ({@code Creating},
 * {@code Started}, {@code Healthy}...).
 *
 * <p>A plain renderer prints {@code ✔ Container demo-web-1  Started}; a terminal renderer redraws one line per
 * subject.
 */
public record ProgressEvent(Status status, String subject, String text) {

    public enum Status {
        /** the step began ({@code Creating}) */
        WORKING,
        /** the step finished ({@code Created}) */
        DONE,
        /** the step is waiting for something else ({@code Waiting}) */
        WAITING,
        /** the step failed; text says why */
        FAILED,
        /** something the user should know that did not stop the step */
        WARNING
    }

    public static ProgressEvent working(String subject, String text) {
        return new ProgressEvent(Status.WORKING, subject, text);
    }

    public static ProgressEvent done(String subject, String text) {
        return new ProgressEvent(Status.DONE, subject, text);
    }

    public static ProgressEvent waiting(String subject, String text) {
        return new ProgressEvent(Status.WAITING, subject, text);
    }

    public static ProgressEvent failed(String subject, String text) {
        return new ProgressEvent(Status.FAILED, subject, text);
    }

    public static ProgressEvent warning(String subject, String text) {
        return new ProgressEvent(Status.WARNING, subject, text);
    }
}
