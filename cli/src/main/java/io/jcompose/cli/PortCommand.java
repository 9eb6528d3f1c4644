package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose port}: options only; the work is in {@link ProjectQueries}. */
@Command(name = "port", description = "Print the public address of a port of a service's container.", sortOptions = false)
final class PortCommand extends ProjectCommand {
    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service.")
    String service;

    @Parameters(index = "1", paramLabel = "PRIVATE_PORT", description = "The container port.")
    int privatePort;

    @Option(names = "--protocol", paramLabel = "PROTO", defaultValue = "tcp",
            description = "tcp or udp (default: ${DEFAULT-VALUE}).")
    String protocol = "tcp";

    @Option(names = "--index", paramLabel = "N", defaultValue = "1",
            description = "Replica of the service (default: ${DEFAULT-VALUE}).")
    int index = 1;

    @Override
    public Integer call() throws InterruptedException {
        return ProjectQueries.port(this, session());
    }
}
