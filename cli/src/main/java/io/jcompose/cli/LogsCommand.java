package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose logs}: options only; the work is in {@link LogsRun}. */
@Command(name = "logs", description = "View output from containers.", sortOptions = false)
final class LogsCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Option(names = {"-f", "--follow"}, description = "Follow log output until the containers stop.")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", defaultValue = "all",
            description = "Number of lines to show from the end of each container's log, or all (default: ${DEFAULT-VALUE}).")
    String tail = "all";

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps.")
    boolean timestamps;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only lines since this time: RFC 3339 (2024-01-02T10:00:00Z), a date, a Unix timestamp, "
                    + "or relative (10m, 1h30m).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only lines before this time; same forms as --since.")
    String until;

    @Option(names = "--no-color", description = "Produce monochrome output.")
    boolean noColor;

    @Option(names = "--no-log-prefix", description = "Don't print the container name in front of each line.")
    boolean noLogPrefix;

    @Option(names = "--index", paramLabel = "N", description = "Only replica N of the service (requires one service).")
    Integer index;

    @Override
    public Integer call() throws InterruptedException {
        return LogsRun.run(this, session());
    }
}
