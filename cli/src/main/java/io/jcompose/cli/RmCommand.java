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

/** {@code jcompose rm}: options only; the work is in {@link Lifecycle}. */
@Command(name = "rm", description = "Remove stopped service containers.", sortOptions = false)
final class RmCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @ParentCommand
    JcomposeCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation.")
    boolean force;

    @Option(names = {"-s", "--stop"}, description = "Stop the containers first if needed.")
    boolean stop;

    @Option(names = {"-v", "--volumes"}, description = "Remove the anonymous volumes of the containers.")
    boolean volumes;

    @Override
    public Integer call() throws InterruptedException {
        return Lifecycle.rm(this, new StackSession(root, spec.commandLine().getOut(), spec.commandLine().getErr()));
    }
}
