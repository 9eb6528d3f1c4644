package io.jcompose.cli;

import io.jcompose.model.LoadedProject;
import io.jcompose.model.ProjectLoader;
import io.jcompose.model.ProjectOptions;
import java.io.PrintWriter;
import java.util.List;

/**
 * From the command line to a loaded project: global options and the process context become
 * {@link ProjectOptions}; the load's warnings go to stderr as {@code warning: ...} lines.
 */
final class ProjectLoading {

    private ProjectLoading() {
    }

    static ProjectOptions options(GlobalOptions global, CliContext context) {
        return new ProjectOptions(global.files(), global.projectDirectory(), global.projectName(),
                global.envFiles(), global.profiles(), List.of(), context.workingDirectory(),
                context.environment(), context.homeDirectory(), true, true, context.stdin());
    }

    /** Loads the project; a broken project throws {@code ModelException}, which the CLI reports once. */
    static LoadedProject load(ProjectOptions options, PrintWriter err) {
        io.jcompose.model.validation.ValidatedFiles.rememberIn(validatedFiles(options));
        LoadedProject project = ProjectLoader.load(options);
        warn(project.warnings(), err);
        return project;
    }

    /** Where files that passed the schema are remembered: {@code $XDG_CACHE_HOME/jcompose}, else {@code ~/.cache/jcompose}. */
    static java.nio.file.Path validatedFiles(ProjectOptions options) {
        String xdg = options.environment().get("XDG_CACHE_HOME");
        java.nio.file.Path cache = xdg != null && xdg.startsWith("/") ? java.nio.file.Path.of(xdg)
                : options.homeDirectory().resolve(".cache");
        return cache.resolve("jcompose").resolve("validated");
    }

    static void warn(List<String> warnings, PrintWriter err) {
        for (String warning : warnings) err.println("warning: " + warning);
        err.flush();
    }
}
