package io.jcompose.scheduler.execute;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.WaitResult;
import io.jcompose.model.project.DependsOn;
import io.jcompose.scheduler.node.Node;
import java.util.List;

/**
 * Waits until a dependency's containers meet a {@code depends_on} condition, or says why they never will: the
 * exit code, the last health probe's output, and the last lines of the container's log.
 */
final class Conditions {
    static final int LOG_LINES = 5;

    private final Node node;
    private final Pacing pacing;

    Conditions(Node node, Pacing pacing) {
        this.node = node;
        this.pacing = pacing;
    }

    /** @return null when met, else why not */
    String await(String dependency, List<ContainerView> containers, DependsOn.Condition condition)
            throws InterruptedException {
        for (ContainerView c : containers) {
            String failure = switch (condition) {
                case SERVICE_STARTED -> null;
                case SERVICE_HEALTHY -> healthy(dependency, c);
                case SERVICE_COMPLETED_SUCCESSFULLY -> completed(dependency, c);
            };
            if (failure != null) return failure;
        }
        return null;
    }

    private String healthy(String dependency, ContainerView c) throws InterruptedException {
        while (true) {
            ContainerView now = node.inspect(c.id());
            if (now.health() == null) {
                return "dependency " + dependency + " (" + c.name() + ") has no healthcheck, so it can never be "
                        + "service_healthy — add a healthcheck to it or use condition: service_started";
            }
            if ("healthy".equals(now.health().status())) return null;
            if ("unhealthy".equals(now.health().status())) {
                var log = now.health().log();
                String probe = log == null || log.isEmpty() ? "no probe output"
                        : "last probe exited " + log.getLast().exitCode() + ": " + log.getLast().output().strip();
                return "dependency " + dependency + " (" + c.name() + ") is unhealthy; " + probe + logs(c);
            }
            if ("exited".equals(now.state()) || "dead".equals(now.state())) {
                return "dependency " + dependency + " (" + c.name() + ") exited with code " + now.exitCode()
                        + " before it became healthy" + logs(c);
            }
            pacing.pause();
        }
    }

    private String completed(String dependency, ContainerView c) {
        WaitResult exit = node.awaitExit(c.id());
        if (exit.exitCode() == 0) return null;
        return "dependency " + dependency + " (" + c.name() + ") did not complete successfully: exit code "
                + exit.exitCode() + (exit.oomKilled() ? " (killed: out of memory)" : "") + logs(c);
    }

    private String logs(ContainerView c) {
        try {
            List<String> lines = node.logTail(c.id(), LOG_LINES);
            if (lines.isEmpty()) return "";
            return "\n  last log lines of " + c.name() + ":\n    " + String.join("\n    ",
                    lines.stream().map(String::stripTrailing).toList());
        } catch (RuntimeException e) {
            return "";
        }
    }
}
