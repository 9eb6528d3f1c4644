package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.scheduler.execute.Executor;
import io.jcompose.scheduler.execute.LabelledProject;
import io.jcompose.scheduler.node.Node;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code up} in the foreground: every container's log, each line prefixed {@code svc-1  | } ({@link LogFollower}), until
 * every container has stopped. Ctrl-C stops the stack gracefully, in reverse dependency order.
 */
final class Attach {
    private Attach() {
    }

    static int attach(Node node, Executor executor, StackSession session, String project, Collection<String> services,
                      boolean prefixed, boolean noColor, boolean timestamps) throws InterruptedException {
        LabelledProject stack = LabelledProject.find(node, project).only(services);
        List<ContainerView> containers = ContainerChoice.of(stack, List.of(), false);
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
        ExitHooks.add(hook);
        LogPrefix prefix = LogPrefix.of(containers, prefixed, session.colours(noColor));
        new LogFollower(true, -1, null, null, timestamps, prefix).print(session.agent(), containers, out, session.err());
        if (!stopping.get()) {
            ExitHooks.remove(hook);
        }
        return 0;
    }
}
