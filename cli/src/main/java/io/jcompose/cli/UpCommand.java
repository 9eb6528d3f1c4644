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

    @Option(names = "--abort-on-container-exit",
            description = "Stop every container when any container stops. Incompatible with -d.")
    boolean abortOnExit;

    @Option(names = "--abort-on-container-failure",
            description = "Stop every container when any container exits with a failure. Incompatible with -d.")
    boolean abortOnFailure;

    @Option(names = "--exit-code-from", paramLabel = "SERVICE",
            description = "Exit with the exit code of this service's container. Implies --abort-on-container-exit.")
    String exitCodeFrom;

    @Option(names = "--attach", paramLabel = "SERVICE",
            description = "Show only these services' logs; repeatable. Incompatible with --attach-dependencies.")
    List<String> attach = new ArrayList<>();

    @Option(names = "--no-attach", paramLabel = "SERVICE", description = "Don't show this service's logs; repeatable.")
    List<String> noAttach = new ArrayList<>();

    @Option(names = "--attach-dependencies", description = "Show the logs of the services the named ones depend on too.")
    boolean attachDependencies;

    /** {@code create} reuses up's planning without starting anything. */
    boolean create;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        return UpRun.run(this, session());
    }

    /** The combinations docker compose refuses, refused before anything is loaded; fills in what flags imply. */
    void validate() {
        if (exitCodeFrom != null && !abortOnFailure) abortOnExit = true;
        if (abortOnExit && abortOnFailure) {
            throw new CommandFailure("--abort-on-container-failure cannot be combined with --abort-on-container-exit");
        }
        if (await) {
            if (attachDependencies || abortOnExit || !attach.isEmpty()) {
                throw new CommandFailure("--wait cannot be combined with --abort-on-container-exit, --attach or"
                        + " --attach-dependencies");
            }
            detach = true;
        }
        if (detach && (attachDependencies || abortOnExit || abortOnFailure || !attach.isEmpty())) {
            throw new CommandFailure("--detach cannot be combined with --abort-on-container-exit,"
                    + " --abort-on-container-failure, --attach or --attach-dependencies");
        }
        if (forceRecreate && noRecreate) {
            throw new CommandFailure("--force-recreate and --no-recreate cannot be used together");
        }
        if (build && noBuild) {
            throw new CommandFailure("--build and --no-build cannot be used together");
        }
        if (alwaysRecreateDeps && noRecreate) {
            throw new CommandFailure("--always-recreate-deps and --no-recreate are incompatible");
        }
        if (!attach.isEmpty() && attachDependencies) {
            throw new CommandFailure("cannot combine --attach and --attach-dependencies");
        }
    }
}
