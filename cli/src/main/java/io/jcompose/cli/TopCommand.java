package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose top}: options only; the work is in {@link ProjectQueries}. */
@Command(name = "top", description = "Display the running processes of the containers.", sortOptions = false)
final class TopCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        return ProjectQueries.top(this, session());
    }
}
