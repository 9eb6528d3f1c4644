package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.EventView;
import io.jcompose.agent.client.AgentClient;
import io.jcompose.scheduler.execute.Executor;
import io.jcompose.scheduler.execute.LabelledProject;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.node.Node;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code up} in the foreground, as docker compose runs it: the attached services' logs, each line prefixed
 * {@code svc-1  | } ({@link LogFollower}), and {@code web-1 exited with code N} when one of them exits, until every
 * watched container has exited ({@link ExitWatch}: also the cascade of {@code --abort-on-container-exit/-failure}
 * and the exit code). Ctrl-C stops the stack gracefully in reverse dependency order; a second Ctrl-C kills it; the
 * exit code is then 130, as docker compose's.
 */
final class Attach {
    /** The agent closed the event stream. */
    private static final EventView ENDED = new EventView("ended", "", "", Map.of(), null, null, null);
    /** The stop of the stack has finished. */
    private static final EventView STOPPED = new EventView("stopped", "", "", Map.of(), null, null, null);
    /** How long a died container may take to be seen restarting (the agent decides right after the exit). */
    private static final long RESTART_DECISION_MS = 300;

    /**
     * @param attach   services whose logs are shown
     * @param watch    services whose exits end the run; empty means every service of the run
     */
    record Foreground(Set<String> attach, Set<String> watch, ExitWatch.Cascade cascade, String exitCodeFrom,
                      boolean prefixed, boolean noColor, boolean timestamps) {
    }

    private final Node node;
    private final Executor executor;
    private final StackSession session;
    private final AgentClient agent;
    private final String project;
    private final Collection<String> services;
    private final Foreground options;
    private final ExitWatch exits;
    private final Map<String, Thread> readers = new HashMap<>();
    private final BlockingQueue<EventView> events = new LinkedBlockingQueue<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Thread stopper;
    private volatile boolean stopFailed;
    private LogPrefix prefix;
    private LogFollower follower;

    private Attach(Node node, Executor executor, StackSession session, String project, Collection<String> services,
                   Foreground options) {
        this.node = node;
        this.executor = executor;
        this.session = session;
        this.agent = session.agent();
        this.project = project;
        this.services = services;
        this.options = options;
        this.exits = new ExitWatch(options.cascade(), options.exitCodeFrom());
    }

    /** Runs until every watched container has exited or the stack was stopped; the process's exit code. */
    static int attach(Node node, Executor executor, StackSession session, String project, Collection<String> services,
                      Foreground options) throws InterruptedException {
        return new Attach(node, executor, session, project, services, options).run();
    }

    private int run() throws InterruptedException {
        // Subscribed before listing, so an exit between the two is seen once, either way.
        AutoCloseable subscription = agent.events(List.of(Labels.projectFilter(project)), events::add,
                () -> events.add(ENDED));
        try (Interrupts interrupts = Interrupts.handle(this::gracefully, this::kill)) {
            List<ContainerView> containers = ContainerChoice.of(LabelledProject.find(node, project), services, false);
            prefix = LogPrefix.of(containers.stream().filter(this::attached).toList(), options.prefixed(),
                    session.colours(options.noColor()));
            follower = new LogFollower(true, -1, null, null, options.timestamps(), prefix);
            for (ContainerView c : containers) {
                if (attached(c)) follow(c);
                // A container left created (never started) would never exit: only started ones are waited for.
                if (watched(service(c)) && !"created".equals(c.state())) exits.watch(c.id());
            }
            for (ContainerView c : containers) {
                if (!Executor.isActive(c) && !"created".equals(c.state())) exited(c, code(c.exitCode()));
            }
            loop();
            Thread s = stopper;
            if (s != null) s.join();
            drainReaders();
            if (interrupts.interrupted()) return 130;
            if (stopFailed) return ErrorReporter.FAILURE;
            return exits.exitCode();
        } finally {
            try {
                subscription.close();
            } catch (Exception e) {
                // the stream is over either way
            }
        }
    }

    private void loop() throws InterruptedException {
        Map<String, EventView> died = new LinkedHashMap<>(); // exits whose restart decision is not known yet
        boolean stopped = false;
        while (!exits.done() || !died.isEmpty()) {
            EventView e = died.isEmpty() && !stopped ? events.take()
                    : events.poll(died.isEmpty() ? 2000 : RESTART_DECISION_MS, TimeUnit.MILLISECONDS);
            if (e == null && died.isEmpty()) return; // stopped, and no exit is coming any more
            if (e == null) { // no restart came: the exits are final
                for (EventView d : died.values()) exited(d);
                died.clear();
                continue;
            }
            if (e == STOPPED) {
                if (stopFailed) return;
                stopped = true;
                continue;
            }
            if (e == ENDED) {
                session.err().println("the agent closed the event stream; no longer watching the containers");
                return;
            }
            String service = e.labels() == null ? null : e.labels().get(Labels.SERVICE);
            if (service == null || "True".equals(e.labels().get(Labels.ONEOFF)) || !services.contains(service)) continue;
            switch (e.type()) {
                case "died" -> died.put(e.id(), e);
                case "restarting" -> {
                    EventView d = died.remove(e.id());
                    if (d != null && attached(service)) status(d, "exited with code " + code(d.exitCode()) + " (restarting)");
                }
                case "started" -> {
                    if (stopping.get()) continue;
                    if (watched(service)) exits.watch(e.id());
                    if (attached(service)) {
                        Thread r = readers.get(e.id());
                        if (r == null || !r.isAlive()) follow(node.inspect(e.id()));
                    }
                }
                case "destroyed" -> exits.gone(e.id());
                default -> { }
            }
        }
    }

    private boolean attached(ContainerView c) {
        return attached(service(c));
    }

    private boolean attached(String service) {
        return options.attach().contains(service);
    }

    private boolean watched(String service) {
        return options.watch().isEmpty() ? services.contains(service) : options.watch().contains(service);
    }

    private static String service(ContainerView c) {
        return c.labels().getOrDefault(Labels.SERVICE, "");
    }

    private static int code(Integer exitCode) {
        return exitCode == null ? 0 : exitCode;
    }

    private void follow(ContainerView c) {
        Thread t = Thread.ofPlatform().daemon().name("logs-" + c.name()).start(() -> {
            try {
                follower.print(agent, List.of(c), session.out(), session.err());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        readers.put(c.id(), t);
    }

    private void exited(EventView e) throws InterruptedException {
        ContainerView c;
        try {
            c = node.inspect(e.id());
        } catch (RuntimeException gone) {
            exits.gone(e.id());
            return;
        }
        if (Executor.isActive(c)) return; // started again already
        exited(c, code(e.exitCode()));
    }

    private void exited(ContainerView c, int code) throws InterruptedException {
        if (attached(c)) {
            Thread r = readers.get(c.id());
            if (r != null) r.join(1000); // its last lines before the exit line
            status(c.name(), c.labels(), "exited with code " + code);
        }
        if (exits.exited(c.id(), service(c), code)) {
            session.err().println("Aborting on container exit...");
            session.err().flush();
            stop();
        }
    }

    private void status(EventView e, String text) {
        status(e.name(), e.labels(), text);
    }

    /** docker compose's status line: {@code web-1 exited with code 0}, in the service's colour. */
    private void status(String name, Map<String, String> labels, String text) {
        ContainerView shown = new ContainerView("", name, labels, "", 0, null, false, null, null, null, null, null, null,
                0, null, null);
        String line = LogPrefix.name(shown) + " " + text;
        if (prefix.colours()) {
            line = "\u001b[" + LogPrefix.colour(labels.getOrDefault(Labels.SERVICE, name)) + "m" + line + "\u001b[0m";
        }
        PrintWriter out = session.out();
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private void gracefully() {
        session.err().println("Gracefully stopping... (press Ctrl+C again to force)");
        session.err().flush();
        stop();
    }

    /** Stops the run's services in reverse dependency order, once, on a thread of its own. */
    private void stop() {
        if (!stopping.compareAndSet(false, true)) return;
        stopper = Thread.ofPlatform().daemon().name("graceful-stop").start(() -> {
            try {
                LabelledProject stack = LabelledProject.find(node, project);
                int code = session.report(executor.stopAll(stack.only(services).containers(), stack.graph(), false,
                        false));
                if (code != 0) stopFailed = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                session.err().println("stopping the stack failed: " + e.getMessage());
                stopFailed = true;
            } finally {
                events.add(STOPPED);
            }
        });
    }

    /** The second Ctrl-C: SIGKILL to every container of the run that still runs. */
    private void kill() {
        stop();
        try {
            LabelledProject stack = LabelledProject.find(node, project);
            session.report(executor.killAll(stack.only(services).all(), "SIGKILL"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            session.err().println("killing the stack failed: " + e.getMessage());
        }
    }

    /** The readers end as their containers stop; those of services not watched may still run, so none is waited for long. */
    private void drainReaders() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (Thread t : readers.values()) {
            long left = deadline - System.nanoTime();
            if (left > 0) t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }
}
