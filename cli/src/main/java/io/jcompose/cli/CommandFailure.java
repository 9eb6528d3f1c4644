package io.jcompose.cli;

/**
 * A failure of a command that the user can act on (a missing service, an unwritable output file):
 * the message is printed as it is, without a stack trace unless {@code --debug} is given.
 * Project errors are {@code io.jcompose.model.ModelException}; anything else is a bug.
 */
public final class CommandFailure extends RuntimeException {

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
