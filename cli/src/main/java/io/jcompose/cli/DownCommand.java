package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose down}: options only; the work is in {@link Lifecycle}. */
@Command(name = "down", description = "Stop and remove containers and networks (and volumes with -v).", sortOptions = false)
final class DownCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Option(names = {"-v", "--volumes"}, description = "Also remove the named volumes of the project (never external ones).")
    boolean volumes;

    @Option(names = "--remove-orphans", description = "Also remove containers of services not in the compose file.")
    boolean removeOrphans;

    @Option(names = "--rmi", paramLabel = "TYPE",
            description = "Remove images used by services: local (only those built for the project, without a custom tag) or all.")
    String rmi;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Seconds to wait before killing.")
    Integer timeout;

    @Override
    public Integer call() throws InterruptedException {
        RmiImages.checkMode(rmi);
        return Lifecycle.down(this, session());
    }
}
