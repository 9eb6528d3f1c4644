package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jcompose down}: options only; the work is in {@link Lifecycle}. */
@Command(name = "down", description = "Stop and remove containers and networks (and volumes with -v).", sortOptions = false)
final class DownCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @ParentCommand
    JcomposeCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Option(names = {"-v", "--volumes"}, description = "Also remove the named volumes of the project (never external ones).")
    boolean volumes;

    @Option(names = "--remove-orphans", description = "Also remove containers of services not in the compose file.")
    boolean removeOrphans;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Seconds to wait before killing.")
    Integer timeout;

    @Override
    public Integer call() throws InterruptedException {
        return Lifecycle.down(this, new StackSession(root, spec.commandLine().getOut(), spec.commandLine().getErr()));
    }
}
