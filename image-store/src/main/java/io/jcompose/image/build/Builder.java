package io.jcompose.image.build;

import io.jcompose.image.ImageStore;
import io.jcompose.image.catalog.ImageRecord;
import java.util.function.Consumer;

/** Placeholder until the engine lands (lead worktree only). */
public final class Builder {
    public Builder(ImageStore store, StepRunner runner) {
    }

    public ImageRecord build(BuildRequest request, Consumer<BuildEvent> events) throws InterruptedException {
        throw new BuildException("not built", null);
    }
}
