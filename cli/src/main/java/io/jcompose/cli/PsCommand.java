package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose ps}: options only; the work is in {@link Lifecycle}. */
@Command(name = "ps", description = "List the containers of the project.", sortOptions = false)
final class PsCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    enum Format { table, json }

    @Option(names = {"-a", "--all"}, description = "Show stopped containers too.")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only print container IDs.")
    boolean quiet;

    @Option(names = "--services", description = "Print the service names, one per line.")
    boolean servicesOnly;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only containers in this state: created, running, paused, restarting, exited, dead; repeatable.")
    List<String> status = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "KEY=VALUE",
            description = "Filter services by a property (supported filters: status), e.g. --filter status=running.")
    String filter;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.table;

    @Override
    public Integer call() throws InterruptedException {
        applyFilter();
        StackSession session = session();
        session.lookAhead(false);
        return PsView.ps(this, session);
    }

    /** docker compose's one {@code --filter}: {@code status=X} adds to {@code --status}; other keys are refused. */
    void applyFilter() {
        if (filter == null || filter.isEmpty()) return;
        int eq = filter.indexOf('=');
        if (eq < 0) throw new CommandFailure("arguments to --filter should be in form KEY=VAL");
        String key = filter.substring(0, eq);
        switch (key) {
            case "status" -> status.add(filter.substring(eq + 1));
            case "source" -> throw new CommandFailure("--filter source is not implemented");
            default -> throw new CommandFailure("unknown filter " + key);
        }
    }
}
