package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.scheduler.execute.Down;
import io.jcompose.scheduler.execute.Executor;
import io.jcompose.scheduler.execute.LabelledProject;
import io.jcompose.scheduler.execute.ServiceOutcome;
import io.jcompose.scheduler.graph.DependencyEdge;
import io.jcompose.scheduler.graph.ServiceGraph;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.node.Node;
import io.jcompose.scheduler.plan.Action;
import io.jcompose.scheduler.plan.Action.ContainerAction;
import io.jcompose.scheduler.plan.Desired;
import io.jcompose.scheduler.plan.Plan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code start}, {@code stop}, {@code restart}, {@code rm}, {@code kill} and {@code down}: all work from the
 * containers' labels, so they need the compose file only to learn the project name.
 */
final class Lifecycle {
    private Lifecycle() {
    }

    /** The project's labelled containers, and the subset the command names (unknown names are an error). */
    private record Target(Node node, String project, LabelledProject all, LabelledProject selected, Desired desired) {
    }

    private static Target target(StackSession session, List<String> services) {
        // With the project named on the command line (-p, COMPOSE_PROJECT_NAME) its containers are listed while the
        // compose file loads: the first request (connecting, starting the agent if need be) and the loading each
        // take tens of milliseconds. The listing is used only if the file names the project the same.
        String named = session.projectName(null);
        // The dependency graph is built there too (cold code, a few ms): the stops need it first thing after.
        CompletableFuture<LabelledProject> early = named == null ? null : CompletableFuture.supplyAsync(() -> {
            LabelledProject found = LabelledProject.find(session.node(), named);
            found.graph();
            return found;
        }, r -> Thread.ofPlatform().daemon().start(r));
        Desired desired;
        try {
            desired = session.desiredIfPresent();
        } catch (RuntimeException e) {
            if (early != null) early.handle((p, x) -> null).join(); // the session's connection is set up by then
            throw e;
        }
        String project = session.projectName(desired);
        LabelledProject all = null;
        if (early != null) {
            try {
                all = early.join();
            } catch (CompletionException e) {
                // a failure to reach the agent is the command's failure, reported as the listing would report it
                if (project.equals(named)) throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        Node node = session.node();
        if (all == null || !project.equals(named)) all = LabelledProject.find(node, project);
        for (String s : services) {
            boolean known = all.containers().containsKey(s) || desired != null && desired.project().services().containsKey(s);
            if (!known) throw new CommandFailure("no such service: " + s);
        }
        return new Target(node, project, all, all.only(services), desired);
    }

    static int start(StartCommand cmd, StackSession session) throws InterruptedException {
        Target t = target(session, cmd.services);
        return startAll(t, session);
    }

    private static int startAll(Target t, StackSession session) throws InterruptedException {
        if (t.selected().all().isEmpty()) {
            throw new CommandFailure("project " + t.project() + " has no containers to start; create them with 'jcompose up'");
        }
        Map<String, List<ContainerAction>> actions = new LinkedHashMap<>();
        for (String service : t.all().graph().startOrder()) {
            List<ContainerView> containers = t.selected().containers().get(service);
            if (containers == null) continue;
            List<ContainerAction> list = new ArrayList<>();
            for (ContainerView c : containers) {
                int n = Integer.parseInt(c.labels().getOrDefault(Labels.CONTAINER_NUMBER, "1"));
                list.add(Executor.isRunning(c) ? new Action.KeepContainer(service, n, c, "running")
                        : new Action.StartContainer(service, n, c, c.state()));
            }
            actions.put(service, list);
        }
        Plan plan = new Plan(t.project(), List.of(), List.of(), actions, List.of(), t.all().graph(), true, List.of());
        return session.report(session.executor(t.node(), null).apply(plan));
    }

    static int stop(StopCommand cmd, StackSession session) throws InterruptedException {
        Target t = target(session, cmd.services);
        return session.report(session.executor(t.node(), cmd.timeout).stopAll(t.selected().containers(),
                t.all().graph(), false, false));
    }

    static int restart(RestartCommand cmd, StackSession session) throws InterruptedException {
        List<String> services = cmd.services;
        Target t = target(session, services);
        if (!services.isEmpty() && !cmd.noDeps) {
            services = withRestartDependents(t.all().graph(), services);
            t = target(session, services);
        }
        int code = session.report(session.executor(t.node(), cmd.timeout).stopAll(t.selected().containers(),
                t.all().graph(), false, false));
        if (code != 0) return code;
        return startAll(target(session, services), session);
    }

    /**
     * {@code services} and, transitively, the services that asked to be restarted with them
     * ({@code depends_on: {X: {restart: true}}}): docker compose's {@code restart X} restarts those too,
     * unless {@code --no-deps}.
     */
    static List<String> withRestartDependents(ServiceGraph graph, List<String> services) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(services);
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(services);
        while (!todo.isEmpty()) {
            String s = todo.pop();
            if (!graph.services().contains(s)) continue;
            for (DependencyEdge e : graph.dependentsOf(s)) {
                if (e.restart() && out.add(e.service())) todo.push(e.service());
            }
        }
        return List.copyOf(out);
    }

    static int kill(KillCommand cmd, StackSession session) throws InterruptedException {
        Target t = target(session, cmd.services);
        List<ContainerView> containers = t.selected().all().stream()
                .filter(c -> cmd.removeOrphans || t.desired() == null
                        || t.desired().project().services().containsKey(c.labels().get(Labels.SERVICE)))
                .toList();
        return session.report(session.executor(t.node(), null).killAll(containers, cmd.signal));
    }

    static int rm(RmCommand cmd, StackSession session) throws InterruptedException {
        Target t = target(session, cmd.services);
        Map<String, List<ContainerView>> doomed = new LinkedHashMap<>();
        t.selected().containers().forEach((service, containers) -> {
            List<ContainerView> list = containers.stream().filter(c -> cmd.stop || !Executor.isActive(c)).toList();
            if (!list.isEmpty()) doomed.put(service, list);
        });
        if (doomed.isEmpty()) {
            session.err().println("No stopped containers");
            return 0;
        }
        List<String> names = doomed.values().stream().flatMap(List::stream).map(ContainerView::name).toList();
        if (!cmd.force && !confirm(cmd.root.context(), session, names)) return 0;
        return session.report(session.executor(t.node(), null).stopAll(doomed, t.all().graph(), true, cmd.volumes));
    }

    static int down(DownCommand cmd, StackSession session) throws InterruptedException {
        Target t = target(session, cmd.services);
        Executor executor = session.executor(t.node(), cmd.timeout);
        if (!cmd.services.isEmpty()) {
            // Only these services' containers: networks and volumes stay, the rest of the project uses them.
            return session.report(executor.stopAll(t.selected().containers(), t.all().graph(), true, cmd.volumes));
        }
        Down down = new Down(t.desired() == null ? null : t.desired().project().services().keySet(), cmd.removeOrphans,
                cmd.volumes);
        // the containers target() listed: listing them again would cost a request before the first stop
        List<ServiceOutcome> outcomes = down.run(t.node(), executor, t.all(), session.progress());
        int code = session.report(outcomes);
        if (cmd.rmi == null) return code;
        List<String> images = RmiImages.choose(cmd.rmi, t.project(), t.desired(), t.all().all(),
                ref -> t.node().findImage(ref).isPresent());
        return Math.max(code, RmiImages.remove(session.agent(), images, session.progress()));
    }

    static int pause(PauseCommand cmd, StackSession session) {
        return pauseAll(session, cmd.services, true);
    }

    static int unpause(UnpauseCommand cmd, StackSession session) {
        return pauseAll(session, cmd.services, false);
    }

    /** Pauses (or unpauses) the services' running (or paused) containers; one-offs are left alone, as in compose. */
    private static int pauseAll(StackSession session, List<String> services, boolean pause) {
        Target t = target(session, services);
        var agent = session.agent();
        int code = 0;
        for (ContainerView c : ContainerChoice.of(t.selected(), List.of(), false)) {
            boolean applies = pause ? Executor.isRunning(c) : "paused".equals(c.state());
            if (!applies) continue;
            String subject = "Container " + c.name();
            try {
                session.progress().accept(io.jcompose.scheduler.execute.ProgressEvent.working(subject,
                        pause ? "Pausing" : "Unpausing"));
                if (pause) agent.pause(c.id());
                else agent.unpause(c.id());
                session.progress().accept(io.jcompose.scheduler.execute.ProgressEvent.done(subject,
                        pause ? "Paused" : "Unpaused"));
            } catch (RuntimeException e) {
                session.progress().accept(io.jcompose.scheduler.execute.ProgressEvent.failed(subject, e.getMessage()));
                code = ErrorReporter.FAILURE;
            }
        }
        return code;
    }

    private static boolean confirm(CliContext context, StackSession session, List<String> names) {
        session.err().println("Going to remove " + String.join(", ", names));
        session.err().print("? Are you sure? [yN] ");
        session.err().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(context.stdin().get(), StandardCharsets.UTF_8))
                    .readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
