package io.jcompose.cli;

import io.jcompose.model.LoadedProject;
import io.jcompose.model.ProjectOptions;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.ProjectBinder;
import io.jcompose.model.render.ConfigHash;
import io.jcompose.model.tree.MapNode;
import io.jcompose.scheduler.execute.Executor;
import io.jcompose.scheduler.execute.Pacing;
import io.jcompose.scheduler.execute.ProgressEvent;
import io.jcompose.scheduler.execute.ServiceOutcome;
import io.jcompose.scheduler.node.Node;
import io.jcompose.scheduler.plan.Desired;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What every project command needs: the loaded project (or, for commands that work from labels, just its name),
 * the node, an executor and the progress printer. Built per invocation; holds no state beyond it.
 */
final class StackSession {
    /** How often a dependent looks at a dependency's health while it waits. */
    private static final Duration HEALTH_POLL = Duration.ofMillis(200);

    private final JcomposeCommand root;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ProgressPrinter progress;
    private io.jcompose.agent.client.AgentClient agent;
    /** Requests under way since before the compose files loaded, or null. */
    private LookAhead ahead;
    /** The running agent {@link #lookAhead} connected to in the background (null inside: none ran), or null. */
    private CompletableFuture<io.jcompose.agent.client.AgentClient> aheadClient;

    StackSession(JcomposeCommand root, PrintWriter out, PrintWriter err) {
        this.root = root;
        this.out = out;
        this.err = err;
        String noColor = root.context().environment().get("NO_COLOR");
        this.progress = new ProgressPrinter(err, ProgressPrinter.effective(root.global().progress(), root.global().ansi(),
                noColor != null && !noColor.isEmpty(), System.console() != null && System.console().isTerminal()));
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    ProgressPrinter progress() {
        return progress;
    }

    boolean globalDryRun() {
        return root.global().dryRun();
    }

    /** The compose files, loaded and bound, with each service's config hash. */
    Desired desired() {
        return desired(true);
    }

    /** The compose files, loaded and bound; with {@code hashes}, each service's config hash (what planning needs). */
    private Desired desired(boolean hashes) {
        LoadedProject loaded = ProjectLoading.load(ProjectLoading.options(root.global(), root.context()), err);
        Project project = ProjectBinder.bind(loaded);
        Map<String, String> configHashes = new LinkedHashMap<>();
        MapNode services = loaded.canonical().get("services") instanceof MapNode m ? m : MapNode.empty();
        for (String name : hashes ? project.services().keySet() : java.util.Set.<String>of()) {
            configHashes.put(name, ConfigHash.of((MapNode) services.get(name)));
        }
        return new Desired(project, configHashes, loaded.configFiles());
    }

    /**
     * {@code desired} with the images of its {@code build:} services built (unless {@code skip}: {@code --no-build})
     * and named, so the planner compares their ids with the containers'. A dry run builds nothing: it names the
     * images that exist and prints which services would be built.
     */
    Desired built(Desired desired, List<String> services, boolean noDeps, boolean skip, boolean dryRun) {
        Project project = desired.project();
        java.util.Set<String> considered = ProjectBuilds.considered(project, services, noDeps);
        if (considered.stream().noneMatch(n -> project.services().get(n).build() != null)) return desired;
        Project out;
        if (dryRun) {
            out = project;
            for (String name : considered) {
                var s = project.services().get(name);
                if (s.build() == null) continue;
                String image = ProjectBuilds.imageName(project, name, s);
                this.out.println("Build " + name + ": image " + image + (skip ? " not rebuilt (--no-build)"
                        : " rebuilt where its Dockerfile, arguments or context changed"));
                if (node().findImage(image).isPresent()) out = out.withService(s.withImage(image));
            }
        } else {
            ProjectBuilds.Choice choice = new ProjectBuilds.Choice(skip, false, false, Map.of(),
                    root.global().progress() == GlobalOptions.ProgressMode.quiet);
            out = ProjectBuilds.buildAll(project, considered, choice, agent(), root.context().environment(), err);
        }
        return new Desired(out, desired.configHashes(), desired.configFiles());
    }

    /**
     * The project name for commands that work from labels: from the files when they load, else from
     * {@code -p}/{@code COMPOSE_PROJECT_NAME} alone (so {@code down} works after the file is gone).
     *
     * @return the desired state without config hashes (commands working from labels plan nothing), or null when
     *         only the name is known
     */
    Desired desiredIfPresent() {
        try {
            return desired(false);
        } catch (io.jcompose.model.ModelException e) {
            if (explicitName() == null) throw e;
            return null;
        }
    }

    String projectName(Desired desired) {
        return desired != null ? desired.project().name() : explicitName();
    }

    private String explicitName() {
        if (root.global().projectName() != null) return root.global().projectName();
        return root.context().environment().get("COMPOSE_PROJECT_NAME");
    }

    /**
     * Starts the read-only requests the command will make ({@link LookAhead}) when the project's name is known
     * without the compose files ({@code -p}, {@code COMPOSE_PROJECT_NAME}), on a connection to the agent made in
     * the background as well; when no agent answers (one is then started, with its messages) or no name is known,
     * everything happens in order as the command goes.
     *
     * @param resources whether the networks and volumes are wanted too (commands that plan)
     */
    void lookAhead(boolean resources) {
        String name = explicitName();
        if (name == null || name.isEmpty() || agent != null || aheadClient != null) return;
        CompletableFuture<io.jcompose.agent.client.AgentClient> client = new CompletableFuture<>();
        aheadClient = client;
        AgentConnection connection = new AgentConnection(root.context());
        ahead = LookAhead.start(() -> {
            io.jcompose.agent.client.AgentClient running = null;
            try {
                running = connection.connectIfRunning();
            } finally {
                client.complete(running);
            }
            return running == null ? null : NodeConnection.node(running);
        }, name, resources);
    }

    /** The containers labelled with {@code project}, answered ahead when {@link #lookAhead} asked already. */
    List<io.jcompose.agent.api.v1.ContainerView> containers(String project) {
        java.util.function.Supplier<List<io.jcompose.agent.api.v1.ContainerView>> now =
                () -> node().containers(List.of(io.jcompose.scheduler.naming.Labels.projectFilter(project)));
        return ahead == null ? now.get() : ahead.containers(project, now);
    }

    /** Every network, answered ahead when {@link #lookAhead} asked already. */
    List<Node.NetworkInfo> networks() {
        return ahead == null ? node().networks(List.of()) : ahead.networks(() -> node().networks(List.of()));
    }

    /** Every volume, answered ahead when {@link #lookAhead} asked already. */
    List<Node.VolumeInfo> volumes() {
        return ahead == null ? node().volumes(List.of()) : ahead.volumes(() -> node().volumes(List.of()));
    }

    /** The agent, connected (and started when none runs) on first use; one connection per command. */
    io.jcompose.agent.client.AgentClient agent() {
        if (agent == null && aheadClient != null) agent = aheadClient.join(); // null: no agent ran
        if (agent == null) agent = NodeConnection.client(root.context(), err);
        return agent;
    }

    /**
     * The node of the running agent {@link #lookAhead} connected to (waiting for the connection), or null when it
     * did not run or found no agent: then nothing is started or connected here.
     */
    Node connectedNode() {
        if (agent == null && aheadClient != null) agent = aheadClient.join();
        return agent == null ? null : NodeConnection.node(agent);
    }

    Node node() {
        return NodeConnection.node(agent());
    }

    CliContext context() {
        return root.context();
    }

    /**
     * Whether log output gets a colour per service: on a terminal unless {@code --no-color}, {@code NO_COLOR} or
     * {@code --ansi never}; always with {@code --ansi always}.
     */
    boolean colours(boolean noColor) {
        if (noColor) return false;
        return switch (root.global().ansi()) {
            case never -> false;
            case always -> true;
            case auto -> {
                String none = root.context().environment().get("NO_COLOR");
                yield (none == null || none.isEmpty()) && System.console() != null && System.console().isTerminal();
            }
        };
    }

    /** {@code --parallel}, else {@code COMPOSE_PARALLEL_LIMIT}, else no limit. */
    int parallelism() {
        if (root.global().parallel() > 0) return root.global().parallel();
        String limit = root.context().environment().get("COMPOSE_PARALLEL_LIMIT");
        if (limit == null || limit.isBlank()) return -1;
        try {
            return Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new CommandFailure("COMPOSE_PARALLEL_LIMIT=" + limit + " is not a number");
        }
    }

    Executor executor(Node node, Integer timeoutSeconds) {
        return executor(node, timeoutSeconds, progress);
    }

    /** An executor whose progress goes to {@code events} (e.g. the printer without some subjects). */
    Executor executor(Node node, Integer timeoutSeconds, java.util.function.Consumer<ProgressEvent> events) {
        return new Executor(node, parallelism(), timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds),
                Pacing.every(HEALTH_POLL), events);
    }

    /** Prints each failure; 0 when everything succeeded, else 1. */
    int report(List<ServiceOutcome> outcomes) {
        int code = 0;
        for (ServiceOutcome o : outcomes) {
            if (o.succeeded()) continue;
            err.println(o.failure());
            code = ErrorReporter.FAILURE;
        }
        err.flush();
        return code;
    }
}
