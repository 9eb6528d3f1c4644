package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.CreateContainerRequest;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.scheduler.execute.Executor;
import io.jcompose.scheduler.graph.ServiceGraph;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.node.Node;
import io.jcompose.scheduler.plan.Action;
import io.jcompose.scheduler.plan.Action.ContainerAction;
import io.jcompose.scheduler.plan.Desired;
import io.jcompose.scheduler.plan.ObservedState;
import io.jcompose.scheduler.plan.Plan;
import io.jcompose.scheduler.plan.PlanOptions;
import io.jcompose.scheduler.plan.Planner;
import io.jcompose.scheduler.translate.SpecTranslator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code jcompose run}: the one-off container ({@link OneOff}) goes into a plan as its service's only action, after
 * the plan of its dependencies (unless {@code --no-deps}) — so networks, volumes and the image are ensured, the
 * dependencies are started, and the one-off is created once their {@code depends_on} conditions hold, by the same
 * executor as {@code up}. In the foreground ({@link ContainerAttach}) the one-off is created after the executor,
 * attached to and then started: its output streamed (stdout to stdout, stderr to stderr, or its terminal), this
 * command's input forwarded, a TTY when input is a terminal; the exit code is the container's.
 */
final class RunOneOff {
    private RunOneOff() {
    }

    static int run(RunCommand cmd, StackSession session) throws InterruptedException {
        Desired desired = session.built(session.desired(), List.of(cmd.service), cmd.noDeps, false, false);
        Project project = desired.project();
        Service service = project.service(cmd.service);
        String slug = OneOff.slug(ThreadLocalRandom.current());
        String name = cmd.name != null ? cmd.name : OneOff.name(project.name(), cmd.service, slug);
        ServiceGraph graph = ServiceGraph.of(project);
        boolean withDeps = !cmd.noDeps && !graph.dependenciesOf(cmd.service).isEmpty();
        List<String> considered = withDeps ? graph.withDependencies(List.of(cmd.service)) : List.of(cmd.service);
        // The images are asked for while the one-off is translated, when the look-ahead reached a running agent.
        Node connected = session.connectedNode();
        CompletableFuture<Map<String, Node.ImageInfo>> images = connected == null ? null
                : CompletableFuture.supplyAsync(() -> images(connected, project, considered),
                        r -> Thread.ofPlatform().daemon().name("image-look-ahead").start(r));
        Service oneOff = OneOff.apply(project, service, cmd, name, session.context().environment());
        Map<String, String> labels = OneOff.labels(Planner.labels(desired, graph, service, 1), slug);
        ContainerAttach.Options attach = attachOptions(cmd, session.context());
        if (attach != null) {
            oneOff = oneOff.toBuilder().tty(attach.tty()).stdinOpen(attach.stdin()).build();
            if (attach.stdin()) {
                // Docker's StdinOnce, as docker compose sets it for an attached run: our end of input is the command's.
                labels.put(ContainerService.STDIN_ONCE_LABEL, "true");
            }
        }
        CreateContainerRequest request = OneOff.finish(
                SpecTranslator.translate(project, oneOff, 1, labels).request(), name, cmd.useAliases);
        if (cmd.detach && cmd.rm) {
            session.err().println("warning: --rm with --detach: the agent cannot remove a container when it exits; "
                    + "remove " + name + " with 'jcompose rm' once it has");
        }

        Node node = session.node();
        ObservedState observed = observe(session, node, project, considered, withDeps, images);
        Plan plan = Planner.plan(desired, observed,
                PlanOptions.DEFAULTS.withServices(List.of(cmd.service)).withNoDeps(!withDeps));
        for (String w : plan.warnings()) session.err().println("warning: " + w);
        // The service's own replicas are left as they are: its entry becomes the one-off's creation.
        Map<String, List<ContainerAction>> services = new LinkedHashMap<>(plan.services());
        // In the foreground the one-off is created here once the executor is done, so that this command attaches
        // to it before it starts; the service's entry then only waits for the dependencies' conditions.
        services.put(cmd.service, attach == null
                ? List.of(new Action.CreateContainer(cmd.service, 1, request, "one-off container")) : List.of());
        Plan withOneOff = new Plan(plan.project(), plan.resources(), plan.pulls(), services, List.of(), plan.graph(),
                true, List.of());

        // docker compose shows the dependencies' progress, not the one-off's own creation.
        String subject = "Container " + name;
        Executor executor = session.executor(node, null, e -> {
            if (!subject.equals(e.subject())) session.progress().accept(e);
        });
        int code = session.report(executor.apply(withOneOff));
        if (code != 0) {
            if (cmd.rm) removeQuietly(node, name);
            return code;
        }
        if (cmd.detach) {
            session.out().println(name);
            session.out().flush();
            return 0;
        }
        return attached(session, node, withImageLabel(node, request, observed), attach, cmd.rm);
    }

    /**
     * How the foreground run attaches, as docker compose decides: input unless {@code -i=false}, a terminal when
     * input is attached and is a terminal, unless {@code -T}; null for {@code -d}.
     */
    static ContainerAttach.Options attachOptions(RunCommand cmd, CliContext context) {
        if (cmd.detach) {
            return null;
        }
        boolean tty = !cmd.noTty && cmd.interactive && ExecAttached.terminalAttached(context);
        return new ContainerAttach.Options(cmd.interactive, tty, DetachKeys.parse(DetachKeys.DEFAULT));
    }

    /**
     * The image label the executor gives the containers it creates: the image planning found (an image is only
     * ever added before the one-off's creation, by a pull or build of the executor), else asked for now.
     */
    private static CreateContainerRequest withImageLabel(Node node, CreateContainerRequest request,
                                                        ObservedState observed) {
        String image = request.spec().image();
        if (image == null) return request;
        Map<String, String> labels = new LinkedHashMap<>(request.labels());
        Node.ImageInfo known = observed.images().get(image);
        (known != null ? java.util.Optional.of(known) : node.findImage(image))
                .ifPresent(i -> labels.put(Labels.IMAGE, i.id()));
        return new CreateContainerRequest(request.name(), Map.copyOf(labels), request.spec());
    }

    /**
     * Creates the one-off, attaches to it, starts it and stays attached until it exits: its exit code is the
     * command's. Ctrl-C (without a terminal) stops it; with --rm it is removed afterwards, also after a detach.
     */
    private static int attached(StackSession session, Node node, CreateContainerRequest request,
                                ContainerAttach.Options options, boolean rm) {
        String name = request.name();
        ContainerView created;
        try {
            created = node.create(request);
        } catch (RuntimeException e) {
            throw new CommandFailure("cannot create " + name + ": " + e.getMessage(), e);
        }
        AtomicBoolean done = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (done.get()) return;
            try {
                node.stop(name, null);
                if (rm) node.remove(name, true, true);
            } catch (RuntimeException e) {
                // shutting down: nothing left to report to
            }
        }, "run-stop");
        ExitHooks.add(hook);
        try {
            ContainerAttach.Outcome outcome;
            try {
                outcome = ContainerAttach.run(session.agent(), created.id(), options, session.context(),
                        session.out(), session.err(), () -> node.start(created.id()));
            } catch (AgentException e) {
                if (e.kind() != ErrorKind.UNAVAILABLE || !"running".equals(node.inspect(created.id()).state())) throw e;
                // The stream broke (the agent restarted, say) while the one-off runs: its exit code is still wanted.
                return node.awaitExit(created.id()).exitCode();
            }
            return outcome.detached() ? 0 : outcome.exitCode();
        } catch (RuntimeException e) {
            if (rm) removeQuietly(node, name);
            throw e;
        } finally {
            done.set(true);
            ExitHooks.remove(hook);
            session.out().flush();
            session.err().flush();
            if (rm) removeQuietly(node, name);
        }
    }

    /** Only what planning these services needs; the project's containers only when dependencies are planned. */
    private static ObservedState observe(StackSession session, Node node, Project project, List<String> considered,
                                         boolean withDeps, CompletableFuture<Map<String, Node.ImageInfo>> ahead) {
        List<ContainerView> containers = withDeps ? session.containers(project.name()) : List.of();
        Map<String, Node.ImageInfo> images;
        if (ahead == null) {
            images = images(node, project, considered);
        } else {
            try {
                images = ahead.join();
            } catch (CompletionException e) {
                // the request's own failure, as if it had been made here
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error error) throw error;
                throw e;
            }
        }
        return new ObservedState(containers, session.networks(), session.volumes(), images);
    }

    /** The considered services' images the node has, by reference. */
    private static Map<String, Node.ImageInfo> images(Node node, Project project, List<String> considered) {
        Map<String, Node.ImageInfo> images = new LinkedHashMap<>();
        for (String s : considered) {
            String image = project.service(s).image();
            if (image == null || image.isEmpty() || images.containsKey(image)) continue;
            node.findImage(image).ifPresent(i -> images.put(image, i));
        }
        return images;
    }

    private static void removeQuietly(Node node, String name) {
        try {
            node.remove(name, true, true);
        } catch (RuntimeException e) {
            // never created: nothing to remove
        }
    }
}
