package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code jcompose wait}: options only; the work is in {@link ProjectQueries}. */
@Command(name = "wait", description = "Block until the containers of the services stop; exit with the code of the last one to stop.", sortOptions = false)
final class WaitCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @ParentCommand
    JcomposeCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", arity = "1..*", description = "The services to wait for.")
    List<String> services = new ArrayList<>();

    @Option(names = "--down-project", description = "Take the project down once the containers have stopped.")
    boolean downProject;

    @Override
    public Integer call() throws InterruptedException {
        return ProjectQueries.await(this, new StackSession(root, spec.commandLine().getOut(), spec.commandLine().getErr()));
    }
}
