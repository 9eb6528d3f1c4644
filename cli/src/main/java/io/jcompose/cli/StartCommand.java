package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jcompose start}: options only; the work is in {@link Lifecycle}. */
@Command(name = "start", description = "Start existing containers, each once its dependencies meet their conditions.", sortOptions = false)
final class StartCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        return Lifecycle.start(this, session());
    }
}
