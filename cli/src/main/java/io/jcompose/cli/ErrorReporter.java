package io.jcompose.cli;

import io.jcompose.model.ModelException;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where an exception thrown by a command becomes a message and an exit code.
 * Usage errors never get here: picocli reports them with the usage help and exit code 2.
 *
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>the project is wrong ({@link ModelException}), the command failed ({@link CommandFailure}), or a bug</td></tr>
 *   <tr><td>2</td><td>bad command line</td></tr>
 * </table>
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    static final int FAILURE = 1;

    private final BooleanSupplier debug;

    ErrorReporter(BooleanSupplier debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean expected = ex instanceof ModelException || ex instanceof CommandFailure;
        if (expected) {
            err.println(ex.getMessage());
        } else if (ex instanceof io.jcompose.scheduler.SchedulerException) {
            // Loaded only on failure, like the agent's exception below.
            err.println(ex.getMessage());
        } else if (ex instanceof io.jcompose.agent.error.AgentException agent) {
            // Checked only on failure, so other commands never load the agent's classes.
            err.println(agent.fix() == null || agent.fix().isBlank() ? agent.problem()
                    : agent.problem() + " — " + agent.fix());
        } else {
            err.println("jcompose: internal error: " + ex);
            if (!debug.getAsBoolean()) err.println("Run again with --debug to see where it happened.");
        }
        if (debug.getAsBoolean()) ex.printStackTrace(err);
        err.flush();
        return FAILURE;
    }
}
