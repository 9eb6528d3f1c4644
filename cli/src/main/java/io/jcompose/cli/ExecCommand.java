package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose exec}: options only; the work is in {@link ExecRun}. Options end at the service name, so the
 * command's own options pass through ({@code jcompose exec web ls -la}).
 */
@Command(name = "exec", description = "Execute a command in a running container.", sortOptions = false)
final class ExecCommand extends ProjectCommand {
    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service whose container runs the command.")
    String service;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    @Option(names = {"-d", "--detach"}, description = "Run the command in the background: return once it has started.")
    boolean detach;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VAL", description = "Set an environment variable; repeatable.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Run the command as this user (name or uid[:gid]).")
    String user;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory of the command.")
    String workdir;

    @Option(names = "--index", paramLabel = "N", defaultValue = "1",
            description = "Replica of the service (default: ${DEFAULT-VALUE}).")
    int index = 1;

    @Option(names = "--privileged", description = "Give the command every capability the agent holds.")
    boolean privileged;

    @Option(names = {"-T", "--no-tty", "--no-TTY"},
            description = "Don't allocate a pseudo-TTY (one is allocated when standard input is a terminal).")
    boolean noTty;

    @Override
    public Integer call() {
        return ExecRun.run(this, session());
    }
}
