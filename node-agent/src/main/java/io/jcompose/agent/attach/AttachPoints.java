package io.jcompose.agent.attach;

import io.jcompose.agent.container.Container;
import io.jcompose.agent.container.ContainerHooks;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.container.ContainerState;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.exec.ExecSession;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attaches clients to containers' main processes. A running container's monitor is reached at once; a
 * container that is not running gets the client when it next starts, connected after the runtime has created
 * it and before its process starts (the {@link ContainerHooks#monitorReady} hook), which is how {@code run}
 * sees the first byte its command writes.
 */
public final class AttachPoints implements ContainerHooks {
    private final ContainerService containers;
    private final Map<String, Set<AttachSession>> pending = new ConcurrentHashMap<>();

    public AttachPoints(ContainerService containers) {
        this.containers = containers;
        containers.addHooks(this);
    }

    /**
     * Attaches a client to {@code ref}.
     *
     * @param stdin forward the client's input; refused unless the container keeps its input open
     *              ({@code stdin_open})
     */
    public AttachSession attach(String ref, boolean stdin, int rows, int columns, ExecSession.Output output,
                                Runnable stdinHasRoom) {
        Container c = containers.inspect(ref);
        if (stdin && !c.spec().process().stdinOpen()) {
            throw AgentException.invalid("cannot attach standard input to " + c.name()
                    + ": it was created without stdin_open", "create it with stdin_open: true, or attach without stdin");
        }
        String id = c.id().value();
        AttachSession session = new AttachSession(id, containers.monitorDir(id), stdin, c.spec().process().tty(),
                output, stdinHasRoom);
        session.resize(rows, columns);
        pending.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(session);
        // Taken under the container's lock: either its start is past the hook (it runs now, reach it here) or
        // the hook is still to come and will connect the session.
        ContainerService.ExitWatch watch = containers.watchExit(id);
        CompletableFuture<Container> exit = watch.exit();
        Container now = watch.now();
        if (!exit.isDone() && (now.state() == ContainerState.RUNNING || now.state() == ContainerState.PAUSED)
                && claim(session)) {
            try {
                session.connect(() -> exit.thenApply(AttachPoints::exitCode));
            } catch (IllegalStateException e) {
                throw AgentException.unavailable("cannot attach to " + c.name() + ": its monitor does not answer ("
                        + e.getMessage() + ")", "check that the container is running: jcompose ps");
            }
        }
        session.done().whenComplete((code, e) -> claim(session));
        if (now.state() == ContainerState.CREATED) {
            prepareAhead(id);
        }
        return session;
    }

    /**
     * A client that attaches to a container created and never started starts it next (what {@code run} does:
     * create, attach, start), so the container's set-up ({@link ContainerService#prepare}: network, bundle,
     * monitor, the runtime's create) begins now, beside the attach's answer and the client's start request,
     * which then only releases the process (it takes the container's lock, so it waits for a set-up still
     * going). Nothing the user sees changes: the container stays {@code created}; without a start the set-up
     * expires as any prepared one does, and a set-up that fails (a host port taken meanwhile, say) is done
     * again by the start, which reports the failure. Started after the attach took the lock (in
     * {@link ContainerService#watchExit}), so the attach's answer does not wait for it.
     */
    private void prepareAhead(String id) {
        Thread.ofVirtual().name("prepare-" + id).start(() -> {
            try {
                containers.prepare(id);
            } catch (RuntimeException e) {
                System.getLogger(AttachPoints.class.getName()).log(System.Logger.Level.DEBUG,
                        "set-up ahead of the start of " + id + " failed, the start does it again: " + e.getMessage());
            }
        });
    }

    @Override
    public void monitorReady(Container c) {
        String id = c.id().value();
        Set<AttachSession> waiting = pending.get(id);
        if (waiting == null) {
            return;
        }
        for (AttachSession session : waiting) {
            if (claim(session) && !session.isClientGone()) {
                try {
                    // Asked once the socket ends: the container has exited by then, its exit recorded or about to be.
                    session.connect(() -> containers.watchExit(id).exit().thenApply(AttachPoints::exitCode));
                } catch (IllegalStateException e) {
                    session.abandon();
                }
            }
        }
    }

    @Override
    public void removed(Container c, boolean volumes) {
        Set<AttachSession> waiting = pending.remove(c.id().value());
        if (waiting != null) {
            waiting.forEach(AttachSession::abandon);
        }
    }

    /** Takes the session out of the waiting set; true for the one caller that did. */
    private boolean claim(AttachSession session) {
        Set<AttachSession> waiting = pending.get(session.containerId());
        return waiting != null && waiting.remove(session);
    }

    /** Null when the container did not run after all (its start failed): no exit code to report. */
    private static Integer exitCode(Container c) {
        return c.state() == ContainerState.EXITED && c.exitCode() != null ? c.exitCode() : null;
    }
}
