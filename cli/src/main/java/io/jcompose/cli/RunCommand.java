package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jcompose run}: options only; the work is in {@link RunOneOff}. Options end at the service name, so the
 * command's own options pass through ({@code jcompose run web ls -la}). Its model is built in code
 * ({@link FieldBinding}), not read from annotations: {@code run} is a command users wait for.
 */
final class RunCommand extends ProjectCommand {
    static final String DESCRIPTION = "Run a one-off command on a service.";

    String service;
    List<String> command = new ArrayList<>();
    boolean detach;
    boolean rm;
    String name;
    List<String> env = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    String entrypoint;
    String user;
    String workdir;
    List<String> volumes = new ArrayList<>();
    List<String> publish = new ArrayList<>();
    boolean servicePorts;
    boolean useAliases;
    boolean noDeps;
    boolean noTty;
    boolean interactive = true;

    /** The command's model, in the order of {@code run --help}; {@link #root} is set by whoever registers it. */
    @Override
    CommandSpec model() {
        newModel("run", DESCRIPTION);
        spec.addPositional(FieldBinding.positional(String.class, () -> service, v -> service = v).index("0")
                .arity("1").required(true).paramLabel("SERVICE").description("The service to run a container of.").build());
        spec.addPositional(FieldBinding.positionalStrings(() -> command, v -> command = v).index("1..*").arity("0..*")
                .paramLabel("COMMAND").description("The command and its arguments (default: the service's command).")
                .build());
        spec.addOption(flag(() -> detach, v -> detach = v, "-d", "--detach")
                .description("Run the container in the background and print its name.").build());
        spec.addOption(flag(() -> rm, v -> rm = v, "--rm").description("Remove the container when it exits.").build());
        spec.addOption(text(() -> name, v -> name = v, "--name").paramLabel("NAME")
                .description("Name of the container (default: PROJECT-SERVICE-run-ID).").build());
        spec.addOption(FieldBinding.strings(() -> env, v -> env = v, "-e", "--env").paramLabel("KEY[=VAL]")
                .description("Set an environment variable (KEY alone: from this environment); repeatable.").build());
        spec.addOption(FieldBinding.strings(() -> labels, v -> labels = v, "-l", "--label").paramLabel("KEY=VAL")
                .description("Add or override a label; repeatable.").build());
        spec.addOption(text(() -> entrypoint, v -> entrypoint = v, "--entrypoint").paramLabel("CMD")
                .description("Override the image's entrypoint.").build());
        spec.addOption(text(() -> user, v -> user = v, "-u", "--user").paramLabel("USER")
                .description("Run as this user (name or uid[:gid]).").build());
        spec.addOption(text(() -> workdir, v -> workdir = v, "-w", "--workdir").paramLabel("DIR")
                .description("Working directory inside the container.").build());
        spec.addOption(FieldBinding.strings(() -> volumes, v -> volumes = v, "-v", "--volume").paramLabel("SRC:DST[:ro]")
                .description("Bind a host path or mount a declared volume (DST alone: an anonymous volume); repeatable.")
                .build());
        spec.addOption(FieldBinding.strings(() -> publish, v -> publish = v, "-p", "--publish")
                .paramLabel("[IP:][HOST:]PORT[/PROTO]").description("Publish a container port; repeatable.").build());
        spec.addOption(flag(() -> servicePorts, v -> servicePorts = v, "-P", "--service-ports")
                .description("Publish the service's ports (run publishes none by default).").build());
        spec.addOption(flag(() -> useAliases, v -> useAliases = v, "--use-aliases")
                .description("Give the container the service's network aliases.").build());
        spec.addOption(flag(() -> noDeps, v -> noDeps = v, "--no-deps")
                .description("Don't start the services this one depends on.").build());
        spec.addOption(flag(() -> noTty, v -> noTty = v, "-T", "--no-TTY", "--no-tty")
                .description("Don't allocate a pseudo-TTY (one is allocated when standard input is a terminal).")
                .build());
        spec.addOption(flag(() -> interactive, v -> interactive = v, "-i", "--interactive").defaultValue("true")
                .fallbackValue("true").arity("0..1").paramLabel("<interactive>")
                .description("Keep standard input open and forward it (default; -i=false to run without input).").build());
        return spec;
    }

    private static picocli.CommandLine.Model.OptionSpec.Builder flag(
            java.util.function.Supplier<Boolean> get, java.util.function.Consumer<Boolean> set, String... names) {
        return FieldBinding.option(boolean.class, get, set, names);
    }

    private static picocli.CommandLine.Model.OptionSpec.Builder text(
            java.util.function.Supplier<String> get, java.util.function.Consumer<String> set, String... names) {
        return FieldBinding.option(String.class, get, set, names);
    }

    @Override
    public Integer call() throws InterruptedException {
        StackSession session = session();
        session.lookAhead(true);
        return RunOneOff.run(this, session);
    }
}
