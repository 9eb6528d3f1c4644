package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose run}: options only; the work is in {@link RunOneOff}. Options end at the service name, so the
 * command's own options pass through ({@code jcompose run web ls -la}).
 */
@Command(name = "run", description = "Run a one-off command on a service.", sortOptions = false)
final class RunCommand extends ProjectCommand {
    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service to run a container of.")
    String service;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "COMMAND",
            description = "The command and its arguments (default: the service's command).")
    List<String> command = new ArrayList<>();

    @Option(names = {"-d", "--detach"}, description = "Run the container in the background and print its name.")
    boolean detach;

    @Option(names = "--rm", description = "Remove the container when it exits.")
    boolean rm;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the container (default: PROJECT-SERVICE-run-ID).")
    String name;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY[=VAL]",
            description = "Set an environment variable (KEY alone: from this environment); repeatable.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-l", "--label"}, paramLabel = "KEY=VAL", description = "Add or override a label; repeatable.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--entrypoint", paramLabel = "CMD", description = "Override the image's entrypoint.")
    String entrypoint;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Run as this user (name or uid[:gid]).")
    String user;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container.")
    String workdir;

    @Option(names = {"-v", "--volume"}, paramLabel = "SRC:DST[:ro]",
            description = "Bind a host path or mount a declared volume (DST alone: an anonymous volume); repeatable.")
    List<String> volumes = new ArrayList<>();

    @Option(names = {"-p", "--publish"}, paramLabel = "[IP:][HOST:]PORT[/PROTO]",
            description = "Publish a container port; repeatable.")
    List<String> publish = new ArrayList<>();

    @Option(names = {"-P", "--service-ports"}, description = "Publish the service's ports (run publishes none by default).")
    boolean servicePorts;

    @Option(names = "--use-aliases", description = "Give the container the service's network aliases.")
    boolean useAliases;

    @Option(names = "--no-deps", description = "Don't start the services this one depends on.")
    boolean noDeps;

    @Option(names = {"-T", "--no-TTY", "--no-tty"},
            description = "Don't allocate a pseudo-TTY (one is allocated when standard input is a terminal).")
    boolean noTty;

    @Option(names = {"-i", "--interactive"}, defaultValue = "true", fallbackValue = "true", arity = "0..1",
            description = "Keep standard input open and forward it (default; -i=false to run without input).")
    boolean interactive = true;

    @Override
    public Integer call() throws InterruptedException {
        StackSession session = session();
        session.lookAhead(true);
        return RunOneOff.run(this, session);
    }
}
