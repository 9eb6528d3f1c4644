package io.jcompose.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose config}: the project as the loader understands it, in docker compose's canonical form,
 * or one of its lists ({@code --services}, {@code --hash}, ...). Options and their effects follow
 * {@code docker compose config}; where it differs, the help says so.
 *
 * <p>This class only declares options: everything that touches the model is in {@link ConfigViews}, so that
 * building the command line (which every jcompose command does) never loads the model's classes.
 */
@Command(name = "config", description = "Parse, resolve and render the Compose files in canonical form.",
        sortOptions = false)
final class ConfigCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    private HelpOption helpOption;


    enum Format { yaml, json }

    /** What to print instead of the whole project; at most one. */
    static final class View {
        @Option(names = "--services", description = "Print the service names, one per line, dependencies first.")
        boolean services;

        @Option(names = "--volumes", description = "Print the volume names, one per line.")
        boolean volumes;

        @Option(names = "--networks", description = "Print the network names, one per line.")
        boolean networks;

        @Option(names = "--profiles", description = "Print the profile names, one per line.")
        boolean profiles;

        @Option(names = "--images", description = "Print the image names, one per line.")
        boolean images;

        @Option(names = "--hash", paramLabel = "SERVICES",
                description = "Print 'service hash' lines for the comma-separated services, or for all with *.")
        String hash;

        @Option(names = "--variables",
                description = "Print the variables the files use, with their defaults (a table, or --format yaml|json).")
        boolean variables;

        @Option(names = "--environment", description = "Print the environment used for interpolation, as KEY=VALUE lines.")
        boolean environment;
    }

    @ParentCommand
    JcomposeCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", arity = "0..*",
            description = "Only these services and what they depend on (their profiles are enabled).")
    List<String> services = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    View view = new View();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: yaml).")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "Only validate the configuration; print nothing.")
    boolean quiet;

    @Option(names = "--no-interpolate", description = "Leave $${VARIABLE} references as they are.")
    boolean noInterpolate;

    @Option(names = "--no-path-resolution", description = "Leave relative paths relative.")
    boolean noPathResolution;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the output to FILE instead of standard output (any of the views above too).")
    String output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (quiet) {
            // Validation only, as docker compose does: nothing is printed or written, warnings still are.
            new ConfigViews(this, root.context(), new PrintWriter(Writer.nullWriter()), err).print();
            return 0;
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            new ConfigViews(this, root.context(), out, err).print();
            out.flush();
            return 0;
        }
        StringWriter buffer = new StringWriter();
        new ConfigViews(this, root.context(), new PrintWriter(buffer), err).print();
        write(root.context().workingDirectory().resolve(output), buffer.toString());
        return 0;
    }

    /** Like docker compose, an empty result leaves the file alone. */
    private static void write(Path file, String content) {
        if (content.isEmpty()) return;
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + file + ": " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> "no such directory";
            case java.nio.file.AccessDeniedException x -> "permission denied";
            case java.nio.file.FileSystemException x when x.getReason() != null -> x.getReason();
            default -> String.valueOf(e.getMessage());
        };
    }
}
