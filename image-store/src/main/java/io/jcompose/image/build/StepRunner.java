package io.jcompose.image.build;

import java.util.function.Consumer;

/** Runs a RUN step; the agent implements it with its OCI runtime. */
public interface StepRunner {
    /**
     * Runs {@code step} to completion in a container whose root file system is {@code step.rootfs()}
     * (an overlay description the runner mounts and unmounts), streaming each output line to
     * {@code output}; returns the exit code.
     */
    int run(RunStep step, Consumer<String> output) throws InterruptedException;
}
