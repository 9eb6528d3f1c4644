package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose restart}: options only; the work is in {@link Lifecycle}. */
@Command(name = "restart", description = "Restart containers: stop dependents first, then start in dependency order.", sortOptions = false)
final class RestartCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Seconds to wait before killing.")
    Integer timeout;

    @Option(names = "--no-deps", description = "Do not also restart the services that depend on the named ones with `restart: true`.")
    boolean noDeps;

    @Override
    public Integer call() throws InterruptedException {
        return Lifecycle.restart(this, session());
    }
}
