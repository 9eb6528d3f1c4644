package io.jcompose.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
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

    /**
     * A model for this command built in code ({@link FieldBinding}): its name, description, options in declared
     * order and {@code -h/--help} first, as the annotations gave it; the caller adds the rest.
     */
    CommandSpec newModel(String name, String description) {
        spec = CommandSpec.wrapWithoutInspection(this);
        spec.name(name).usageMessage().description(description).sortOptions(false);
        helpOption = new HelpOption();
        spec.addMixin("helpOption", helpOption.mixin());
        return spec;
    }

    /** The {@code SERVICE...} parameter most commands take ("Only these services."), bound to a list field. */
    void addServicesParameter(Supplier<List<String>> get, Consumer<List<String>> set) {
        spec.addPositional(FieldBinding.positionalStrings(get, set).arity("0..*").paramLabel("SERVICE")
                .description("Only these services.").build());
    }

    /** The model of a command that builds it in code, else null (picocli reads its annotations). */
    CommandSpec model() {
        return null;
    }

    /** A session of this command on its output and error streams. */
    StackSession session() {
        return new StackSession(root, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
