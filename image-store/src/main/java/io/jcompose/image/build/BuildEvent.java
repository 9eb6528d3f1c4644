package io.jcompose.image.build;

import java.util.List;

/**
 * Progress of a build, in order; the CLI renders them (docker build's plain progress is one line per
 * event). Steps are numbered 1..total over all the stages being built, in the order they run.
 */
public sealed interface BuildEvent {
    /** A step begins; {@code stage} is its stage's name or index, {@code text} the instruction as written. */
    record StepStarted(int number, int total, String stage, String text) implements BuildEvent {
    }

    /** The step's result came from the cache; no StepDone follows. */
    record StepCached(int number) implements BuildEvent {
    }

    /** One line a RUN step printed. */
    record StepOutput(int number, String line) implements BuildEvent {
    }

    /** The step ran and finished. */
    record StepDone(int number, long millis) implements BuildEvent {
    }

    /** The image is recorded under {@code imageId} (sha256:…) with {@code tags}. */
    record Done(String imageId, List<String> tags) implements BuildEvent {
    }
}
