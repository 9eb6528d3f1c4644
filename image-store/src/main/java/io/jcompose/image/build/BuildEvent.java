package io.jcompose.image.build;

import java.util.List;

/** Progress of a build. */
public sealed interface BuildEvent {
    record StepStarted(int number, int total, String stage, String text) implements BuildEvent {
    }

    record StepCached(int number) implements BuildEvent {
    }

    record StepOutput(int number, String line) implements BuildEvent {
    }

    record StepDone(int number, long millis) implements BuildEvent {
    }

    record Done(String imageId, List<String> tags) implements BuildEvent {
    }
}
