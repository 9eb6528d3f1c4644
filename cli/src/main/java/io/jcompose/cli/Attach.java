package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.scheduler.execute.Executor;
import io.jcompose.scheduler.execute.LabelledProject;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.node.Node;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code up} in the foreground: every container's log, each line prefixed {@code svc-1  | }, until every
 * container has stopped. Ctrl-C stops the stack gracefully, in reverse dependency order.
 */
final class Attach {
    private Attach() {
    }

    static int attach(Node node, Executor executor, StackSession session, String project, Collection<String> services)
            throws InterruptedException {
        LabelledProject stack = LabelledProject.find(node, project).only(services);
        List<ContainerView> containers = stack.all();
        int width = containers.stream().mapToInt(c -> prefix(c).length()).max().orElse(0);
        PrintWriter out = session.out();
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (!stopping.compareAndSet(false, true)) return;
            session.err().println("Gracefully stopping...");
            try {
                executor.stopAll(LabelledProject.find(node, project).only(services).containers(), stack.graph(), false,
                        false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "graceful-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Thread> followers = new ArrayList<>();
        for (ContainerView c : containers) {
            String p = String.format("%-" + width + "s | ", prefix(c));
            followers.add(Thread.ofVirtual().start(() -> {
                try {
                    node.logs(c.id(), true, -1, line -> {
                        synchronized (out) {
                            out.println(p + line.stripTrailing());
                            out.flush();
                        }
                        return true;
                    });
                } catch (RuntimeException e) {
                    session.err().println("logs of " + c.name() + " ended: " + e.getMessage());
                }
            }));
        }
        for (Thread t : followers) t.join();
        if (!stopping.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs
            }
        }
        return 0;
    }

    /** {@code web-1}: the service and replica number, as docker compose prefixes log lines. */
    static String prefix(ContainerView c) {
        String service = c.labels().get(Labels.SERVICE);
        String number = c.labels().get(Labels.CONTAINER_NUMBER);
        return service == null || number == null ? c.name() : service + "-" + number;
    }
}
