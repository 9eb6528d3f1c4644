package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose pause}: options only; the work is in {@link Lifecycle}. */
@Command(name = "pause", description = "Pause the containers of services.", sortOptions = false)
final class PauseCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        return Lifecycle.pause(this, session());
    }
}
