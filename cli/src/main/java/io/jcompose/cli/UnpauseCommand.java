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

/** {@code jcompose unpause}: options only; the work is in {@link Lifecycle}. */
@Command(name = "unpause", description = "Unpause the containers of services.", sortOptions = false)
final class UnpauseCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @ParentCommand
    JcomposeCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        return Lifecycle.unpause(this, new StackSession(root, spec.commandLine().getOut(), spec.commandLine().getErr()));
    }
}
