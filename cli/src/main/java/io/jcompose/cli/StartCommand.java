package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jcompose start}: options only; the work is in {@link Lifecycle}. */
@Command(name = "start", description = "Start existing containers, each once its dependencies meet their conditions.", sortOptions = false)
final class StartCommand implements Callable<Integer> {
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
        return Lifecycle.start(this, new StackSession(root, spec.commandLine().getOut(), spec.commandLine().getErr()));
    }
}
