package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose pull [SERVICE…]}: the services' images, in parallel, as docker compose pull does. */
@Command(name = "pull", description = "Pull the images of the project's services.")
final class PullCommand extends ProjectCommand {
    enum Policy { always, missing, never }

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services (default: all).")
    List<String> services = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Pull without printing progress.")
    boolean quiet;

    @Option(names = "--ignore-pull-failures", description = "Pull what can be pulled; report the failures as warnings.")
    boolean ignoreFailures;

    @Option(names = "--policy", paramLabel = "POLICY",
            description = "always, missing (only images not present) or never; default: each service's pull_policy.")
    Policy policy;

    @Override
    public Integer call() {
        return new ProjectImages(root.global(), root.context(), spec.commandLine().getOut(), spec.commandLine().getErr())
                .pull(services, quiet, ignoreFailures, policy == null ? null : policy.name());
    }
}
