package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose rm}: options only; the work is in {@link Lifecycle}. */
@Command(name = "rm", description = "Remove stopped service containers.", sortOptions = false)
final class RmCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation.")
    boolean force;

    @Option(names = {"-s", "--stop"}, description = "Stop the containers first if needed.")
    boolean stop;

    @Option(names = {"-v", "--volumes"}, description = "Remove the anonymous volumes of the containers.")
    boolean volumes;

    @Override
    public Integer call() throws InterruptedException {
        return Lifecycle.rm(this, session());
    }
}
