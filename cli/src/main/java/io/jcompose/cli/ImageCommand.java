package io.jcompose.cli;

import java.nio.file.Path;
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

/**
 * {@code jcompose image …}: the agent's image store, without a compose file (docker's {@code image}
 * commands). These classes only declare options; {@link ImageActions} does the work, so building the
 * command line never loads the agent's classes.
 */
@Command(name = "image", description = "Manage the images in the agent's store.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {ImageCommand.Pull.class, ImageCommand.Ls.class, ImageCommand.Inspect.class, ImageCommand.Rm.class,
            ImageCommand.Prune.class, ImageCommand.Load.class, ImageCommand.Save.class})
final class ImageCommand implements Callable<Integer> {
    @Mixin
    private HelpOption helpOption;

    @ParentCommand
    JcomposeCommand root;

    @Spec
    CommandSpec spec;

    enum Format { table, json }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Shared by the subcommands: their parent's context and output. */
    abstract static class Sub implements Callable<Integer> {
        @Mixin
        HelpOption helpOption;

        @ParentCommand
        ImageCommand parent;

        @Spec
        CommandSpec spec;

        ImageActions actions() {
            return new ImageActions(parent.root.context(), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "pull", description = "Pull an image from a registry.")
    static final class Pull extends Sub {
        @Parameters(paramLabel = "IMAGE", description = "e.g. redis:7, registry:5000/team/api@sha256:…")
        String reference;

        @Option(names = "--platform", paramLabel = "OS/ARCH", description = "Platform to pull (default: linux/amd64).")
        String platform;

        @Option(names = {"-q", "--quiet"}, description = "Print only the image reference, no progress.")
        boolean quiet;

        @Override
        public Integer call() {
            return actions().pull(reference, platform, quiet);
        }
    }

    @Command(name = "ls", aliases = {"list"}, description = "List images.")
    static final class Ls extends Sub {
        @Option(names = {"-q", "--quiet"}, description = "Print only image ids.")
        boolean quiet;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "table or json (one object per line, as docker prints) (default: ${DEFAULT-VALUE}).")
        Format format;

        @Override
        public Integer call() {
            return actions().list(quiet, format);
        }
    }

    @Command(name = "inspect", description = "Show images in detail, with their config, as JSON.")
    static final class Inspect extends Sub {
        @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Reference, id or id prefix.")
        List<String> refs = new ArrayList<>();

        @Override
        public Integer call() {
            return actions().inspect(refs);
        }
    }

    @Command(name = "rm", aliases = {"remove"}, description = "Remove images (a tag only, when others point at the image).")
    static final class Rm extends Sub {
        @Parameters(paramLabel = "IMAGE", arity = "1..*")
        List<String> refs = new ArrayList<>();

        @Option(names = {"-f", "--force"}, description = "Remove an image named by id although several tags point at it.")
        boolean force;

        @Override
        public Integer call() {
            return actions().remove(refs, force);
        }
    }

    @Command(name = "prune", description = "Remove unused images (dangling ones unless --all) and unreferenced content.")
    static final class Prune extends Sub {
        @Option(names = {"-a", "--all"}, description = "Remove every image no container uses.")
        boolean all;

        @Option(names = {"-f", "--force"}, description = "Accepted for docker compatibility; jcompose never prompts.")
        boolean force;

        @Override
        public Integer call() {
            return actions().prune(all);
        }
    }

    @Command(name = "load", description = "Load images from a docker-archive or OCI-layout tar (gzip/zstd allowed).")
    static final class Load extends Sub {
        @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Read this file instead of standard input.")
        Path input;

        @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
        boolean quiet;

        @Override
        public Integer call() {
            return actions().load(input, quiet);
        }
    }

    @Command(name = "save", description = "Save images to one tar (readable by docker load, skopeo and containerd).")
    static final class Save extends Sub {
        @Parameters(paramLabel = "IMAGE", arity = "1..*")
        List<String> refs = new ArrayList<>();

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of standard output.")
        Path output;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "docker",
                description = "docker or oci; the archive holds both layouts either way (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() {
            return actions().save(refs, output, format);
        }
    }
}
