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

/** {@code jcompose stop}: options only; the work is in {@link Lifecycle}. */
@Command(name = "stop", description = "Stop running containers, dependents first.", sortOptions = false)
final class StopCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @ParentCommand
    JcomposeCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Seconds to wait before killing.")
    Integer timeout;

    @Override
    public Integer call() throws InterruptedException {
        return Lifecycle.stop(this, new StackSession(root, spec.commandLine().getOut(), spec.commandLine().getErr()));
    }
}
