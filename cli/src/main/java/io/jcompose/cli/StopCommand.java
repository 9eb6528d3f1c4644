package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose stop}: options only; the work is in {@link Lifecycle}. */
@Command(name = "stop", description = "Stop running containers, dependents first.", sortOptions = false)
final class StopCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Seconds to wait before killing.")
    Integer timeout;

    @Override
    public Integer call() throws InterruptedException {
        return Lifecycle.stop(this, session());
    }
}
