package io.jcompose.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command working on a project shares: {@code --help}, the root command (global options, context)
 * and a session on the command's own output and error streams. The subclass holds only its options and hands
 * the work to a class of its own.
 */
abstract class ProjectCommand implements Callable<Integer> {
    @Mixin
    HelpOption helpOption;

    @ParentCommand
    JcomposeCommand root;

    @Spec
    CommandSpec spec;

    /** A session of this command on its output and error streams. */
    StackSession session() {
        return new StackSession(root, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
