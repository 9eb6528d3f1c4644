package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose up}: plan, then converge the project. Options only; the work is in {@link UpRun}, so that
 * building the command line never loads the scheduler.
 */
@Command(name = "up", description = "Create and start containers.", sortOptions = false)
final class UpCommand extends ProjectCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services (and what they depend on).")
    List<String> services = new ArrayList<>();

    @Option(names = {"-d", "--detach"}, description = "Run containers in the background.")
    boolean detach;

    @Option(names = "--dry-run", description = "Print the plan, each action with its reason, and change nothing.")
    boolean dryRun;

    @Option(names = "--force-recreate", description = "Recreate containers even if their configuration is unchanged.")
    boolean forceRecreate;

    @Option(names = "--no-recreate", description = "Never recreate existing containers.")
    boolean noRecreate;

    @Option(names = "--always-recreate-deps", description = "Recreate the dependencies of the named services.")
    boolean alwaysRecreateDeps;

    @Option(names = "--no-deps", description = "Don't start the services the named ones depend on.")
    boolean noDeps;

    @Option(names = "--remove-orphans", description = "Remove containers of services not in the compose file.")
    boolean removeOrphans;

    @Option(names = "--no-start", description = "Create containers without starting them.")
    boolean noStart;

    @Option(names = "--wait", description = "Wait until services are running or healthy (implies --detach).")
    boolean await;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "Give up waiting after this many seconds.")
    Integer waitTimeout;

    @Option(names = "--scale", paramLabel = "SERVICE=N", description = "Run N containers of SERVICE; repeatable.")
    List<String> scale = new ArrayList<>();

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
            description = "Shutdown timeout for containers stopped on the way.")
    Integer timeout;

    @Option(names = "--pull", paramLabel = "POLICY", description = "Pull images: always, missing or never.")
    String pull;

    @Option(names = "--build", description = "Build images before starting containers (changed ones are rebuilt anyway).")
    boolean build;

    @Option(names = "--no-build", description = "Don't build images, even when their Dockerfile or context changed.")
    boolean noBuild;

    @Option(names = "--no-color", description = "Print log lines without colours.")
    boolean noColor;

    @Option(names = "--no-log-prefix", description = "Print log lines without the container name in front.")
    boolean noLogPrefix;

    @Option(names = "--timestamps", description = "Print each log line's time.")
    boolean timestamps;

    /** {@code create} reuses up's planning without starting anything. */
    boolean create;

    @Override
    public Integer call() throws InterruptedException {
        if (forceRecreate && noRecreate) {
            throw new CommandFailure("--force-recreate and --no-recreate cannot be used together");
        }
        if (build && noBuild) {
            throw new CommandFailure("--build and --no-build cannot be used together");
        }
        return UpRun.run(this, session());
    }
}
