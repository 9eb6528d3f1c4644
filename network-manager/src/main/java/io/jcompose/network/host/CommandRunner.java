package io.jcompose.network.host;

/**
 * Runs {@link Command}s in the host namespace. A failure is a {@code NetworkException} of kind
 * INTERNAL reading {@code failed to <action>: <stderr>}.
 */
public interface CommandRunner {

    /** Runs the command and returns its standard output. */
    String run(Command command);
}
