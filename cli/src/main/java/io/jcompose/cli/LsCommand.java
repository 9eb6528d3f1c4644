package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose ls}: options only; the work is in {@link ProjectQueries}. */
@Command(name = "ls", description = "List running compose projects.", sortOptions = false)
final class LsCommand extends ProjectCommand {
    enum Format { table, json }

    @Option(names = {"-a", "--all"}, description = "Show stopped projects too.")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only print project names.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.table;

    @Option(names = "--filter", paramLabel = "name=NAME", description = "Only projects whose name contains NAME.")
    String filter;

    @Override
    public Integer call() throws InterruptedException {
        return ProjectQueries.ls(this, session());
    }
}
