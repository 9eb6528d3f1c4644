package io.jcompose.cli;

import io.jcompose.model.project.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose build [SERVICE…]}: build the images of services with a {@code build:} section. */
@Command(name = "build", description = "Build or rebuild the images of the project's services.", sortOptions = false)
final class BuildCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services (default: all).")
    List<String> services = new ArrayList<>();

    @Option(names = "--no-cache", description = "Run every step again instead of reusing cached results.")
    boolean noCache;

    @Option(names = "--pull", description = "Pull the base images even when they are present.")
    boolean pull;

    @Option(names = "--build-arg", paramLabel = "KEY[=VALUE]",
            description = "Set a build argument; KEY alone takes its value from the environment. Repeatable.")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--with-dependencies", description = "Also build the services the named ones depend on.")
    boolean withDependencies;

    @Override
    public Integer call() {
        StackSession session = session();
        Project project = session.desired().project();
        for (String name : services) {
            if (!project.services().containsKey(name)) {
                throw new CommandFailure("no such service: " + name);
            }
        }
        ProjectBuilds.Choice choice = new ProjectBuilds.Choice(false, noCache, pull,
                args(buildArgs, session.context().environment()), quiet);
        ProjectBuilds.buildAll(project, ProjectBuilds.considered(project, services, !withDependencies), choice,
                session.agent(), session.context().environment(), session.err());
        return 0;
    }

    static Map<String, String> args(List<String> specs, Map<String, String> environment) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq == 0 || spec.isEmpty()) {
                throw new CommandFailure("--build-arg " + spec + ": expected KEY=VALUE or KEY");
            }
            if (eq > 0) {
                out.put(spec.substring(0, eq), spec.substring(eq + 1));
            } else if (environment.get(spec) != null) {
                out.put(spec, environment.get(spec));
            }
        }
        return out;
    }
}
