package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose kill}: options only; the work is in {@link Lifecycle}. */
@Command(name = "kill", description = "Send a signal to running containers.", sortOptions = false)
final class KillCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", defaultValue = "SIGKILL",
            description = "Signal to send (default: ${DEFAULT-VALUE}).")
    String signal = "SIGKILL";

    @Option(names = "--remove-orphans", description = "Also kill containers of services not in the compose file.")
    boolean removeOrphans;

    @Override
    public Integer call() throws InterruptedException {
        return Lifecycle.kill(this, session());
    }
}
