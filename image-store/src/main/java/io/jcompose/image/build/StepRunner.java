package io.jcompose.image.build;

import java.util.function.Consumer;

/**
 * Runs the command of a {@code RUN} step. The image store only prepares the root file system and
 * commits what the command changed; the agent implements this with its OCI runtime.
 *
 * <p>Lifecycle of one call: the runner mounts {@code step.rootfs()} (an overlay description; mount it
 * from {@link io.jcompose.image.snapshot.Mount#workingDirectory()} when that is set), starts
 * {@code step.args()} in it as {@code step.user()} in {@code step.workingDir()} with exactly
 * {@code step.env()}, streams each output line (stdout and stderr merged) to {@code output}, waits for the
 * exit, and unmounts — also when the command fails or the thread is interrupted. Example: for
 * {@code RUN echo hi > /greeting} the args are {@code [/bin/sh, -c, echo hi > /greeting]}; afterwards the
 * snapshot's upper directory holds {@code greeting}.
 */
public interface StepRunner {
    /**
     * Runs {@code step} to completion.
     *
     * @return the command's exit code (128 + signal number when a signal ended it)
     * @throws InterruptedException when the build was cancelled; the runner has stopped the command
     */
    int run(RunStep step, Consumer<String> output) throws InterruptedException;
}
