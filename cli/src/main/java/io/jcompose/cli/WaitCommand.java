package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose wait}: options only; the work is in {@link ProjectQueries}. */
@Command(name = "wait", description = "Block until the containers of the services stop; exit with the code of the last one to stop.", sortOptions = false)
final class WaitCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "1..*", description = "The services to wait for.")
    List<String> services = new ArrayList<>();

    @Option(names = "--down-project", description = "Take the project down once the containers have stopped.")
    boolean downProject;

    @Override
    public Integer call() throws InterruptedException {
        return ProjectQueries.await(this, session());
    }
}
