package io.jcompose.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose attach}: options only; the work is in {@link AttachRun}. */
@Command(name = "attach", description = "Attach local standard input, output, and error streams to a service's running container.",
        sortOptions = false)
final class AttachCommand extends ProjectCommand {
    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service whose container to attach to.")
    String service;

    @Option(names = "--index", paramLabel = "N", defaultValue = "1",
            description = "Replica of the service (default: ${DEFAULT-VALUE}).")
    int index = 1;

    @Option(names = "--no-stdin", description = "Do not attach standard input.")
    boolean noStdin;

    @Option(names = "--detach-keys", paramLabel = "KEYS", defaultValue = DetachKeys.DEFAULT,
            description = "Key sequence that detaches from a container with a terminal (default: ${DEFAULT-VALUE}).")
    String detachKeys = DetachKeys.DEFAULT;

    @Option(names = "--sig-proxy", defaultValue = "true", fallbackValue = "true", arity = "0..1",
            description = "Pass SIGINT and SIGTERM on to the container (without a terminal; default: ${DEFAULT-VALUE}).")
    boolean sigProxy = true;

    @Override
    public Integer call() {
        return AttachRun.run(this, session());
    }
}
