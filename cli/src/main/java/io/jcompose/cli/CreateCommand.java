package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose create}: {@code up --no-start}, with create's own options. */
@Command(name = "create", description = "Create containers for services without starting them.", sortOptions = false)
final class CreateCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services (and what they depend on).")
    List<String> services = new ArrayList<>();

    @Option(names = "--force-recreate", description = "Recreate containers even if their configuration is unchanged.")
    boolean forceRecreate;

    @Option(names = "--no-recreate", description = "Never recreate existing containers.")
    boolean noRecreate;

    @Option(names = "--remove-orphans", description = "Remove containers of services not in the compose file.")
    boolean removeOrphans;

    @Option(names = "--scale", paramLabel = "SERVICE=N", description = "Create N containers of SERVICE; repeatable.")
    List<String> scale = new ArrayList<>();

    @Option(names = "--pull", paramLabel = "POLICY", description = "Pull images: always, missing or never.")
    String pull;

    @Override
    public Integer call() throws InterruptedException {
        UpCommand up = new UpCommand();
        up.root = root;
        up.services = services;
        up.forceRecreate = forceRecreate;
        up.noRecreate = noRecreate;
        up.removeOrphans = removeOrphans;
        up.scale = scale;
        up.pull = pull;
        up.noStart = true;
        up.detach = true;
        up.create = true;
        if (forceRecreate && noRecreate) {
            throw new CommandFailure("--force-recreate and --no-recreate cannot be used together");
        }
        return UpRun.run(up, session());
    }
}
