package io.jcompose.agent.restart;

import io.jcompose.agent.container.Container;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.container.ContainerState;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.state.LabelFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Brings containers back when the agent starts (after reconciling): every {@code always} container
 * and every {@code unless-stopped} one the user did not stop, that is not running, is started. A
 * container whose {@code com.docker.compose.depends_on} label names services of its project first
 * waits — each on its own virtual thread, never level by level — until those services' containers
 * meet the condition (started, healthy, completed successfully), for at most {@code bound}; past the
 * bound it is started anyway and a warning is logged, since a stack that is half up serves better
 * than none after a reboot.
 */
public final class StartupRestorer {
    private static final System.Logger LOG = System.getLogger(StartupRestorer.class.getName());
    private static final Duration POLL = Duration.ofMillis(100);

    private final ContainerService containers;
    private final RestartSupervisor supervisor;
    private final Duration bound;

    public StartupRestorer(ContainerService containers, RestartSupervisor supervisor, Duration bound) {
        this.containers = containers;
        this.supervisor = supervisor;
        this.bound = bound;
    }

    /** Starts the restore in the background; the future completes when every container was handled. */
    public CompletableFuture<Void> run() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Container c : containers.list(List.of())) {
            if (c.state().isLive()
                    || !RestartDecider.startOnAgentStart(c.spec().restart(), supervisor.stoppedByUser(c.id().value()))) {
                continue;
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread.ofVirtual().name("restore-" + c.name().value()).start(() -> {
                try {
                    restore(c);
                } finally {
                    done.complete(null);
                }
            });
            all.add(done);
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private void restore(Container c) {
        String project = c.labels().get(DependsOnLabel.PROJECT);
        Instant deadline = Instant.now().plus(bound);
        if (project != null) {
            for (DependsOnLabel.Dependency d : DependsOnLabel.parse(c.labels().get(DependsOnLabel.KEY))) {
                if (!await(project, d, deadline)) {
                    LOG.log(System.Logger.Level.WARNING, "restoring {0}: {1} is not {2} after {3}; starting it anyway",
                            c.name(), d.service(), d.condition(), bound);
                }
            }
        }
        try {
            containers.start(c.id().value(), false);
            LOG.log(System.Logger.Level.INFO, "restored {0} (restart policy {1})", c.name(), c.spec().restart().wire());
        } catch (AgentException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot restore {0}: {1}", c.name(), e.getMessage());
        }
    }

    private boolean await(String project, DependsOnLabel.Dependency d, Instant deadline) {
        List<LabelFilter> filter = List.of(new LabelFilter(DependsOnLabel.PROJECT, project),
                new LabelFilter(DependsOnLabel.SERVICE, d.service()));
        while (true) {
            List<Container> deps = containers.list(filter);
            if (deps.isEmpty() || deps.stream().allMatch(dep -> meets(dep, d.condition()))) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Whether one container of the dependency meets the condition. */
    boolean meets(Container dep, DependsOnLabel.Condition condition) {
        var supervision = containers.supervision(dep);
        return switch (condition) {
            case STARTED -> dep.state() == ContainerState.RUNNING;
            // Without a health check there is nothing to wait for beyond the start.
            case HEALTHY -> dep.state() == ContainerState.RUNNING
                    && (supervision.health() == null || supervision.health().status().equals("healthy"));
            case COMPLETED_SUCCESSFULLY -> dep.state() == ContainerState.EXITED && !supervision.restarting()
                    && dep.exitCode() != null && dep.exitCode() == 0;
        };
    }
}
