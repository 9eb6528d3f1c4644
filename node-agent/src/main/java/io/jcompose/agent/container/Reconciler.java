package io.jcompose.agent.container;

import io.jcompose.agent.runtime.RuntimeState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Brings the store in line with the host when the agent starts: gathers the observed state, asks
 * {@link ReconcilePlanner} what to do and does it. Runs before the API accepts requests and after
 * the exit watcher is up, so no exit is missed in between.
 */
public final class Reconciler {
    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());

    private final ContainerService service;

    public Reconciler(ContainerService service) {
        this.service = service;
    }

    /** Reconciles and returns the actions taken (for the log and for tests). */
    public List<ReconcilePlanner.Action> run() {
        service.trash().empty();
        List<Container> containers = service.list(List.of());
        List<ReconcilePlanner.Stored> stored = containers.stream()
                .map(c -> new ReconcilePlanner.Stored(c.id().value(), c.state(), c.pid())).toList();
        Map<String, RuntimeState> runtime = service.runtime().list().stream()
                .collect(Collectors.toMap(RuntimeState::id, r -> r, (a, b) -> a));
        Map<String, Integer> exitCodes = new HashMap<>();
        for (Container c : containers) {
            service.exits().readExitCode(c.id().value()).ifPresent(code -> exitCodes.put(c.id().value(), code));
        }
        Set<String> monitors = containers.stream().map(c -> c.id().value()).filter(this::monitorAlive)
                .collect(Collectors.toSet());
        List<ReconcilePlanner.Action> actions = ReconcilePlanner.plan(stored, runtime, exitCodes, directories(), monitors);
        for (ReconcilePlanner.Action action : actions) {
            LOG.log(System.Logger.Level.INFO, "reconcile {0}: {1}", action.id(), action.reason());
            apply(action);
        }
        return actions;
    }

    private void apply(ReconcilePlanner.Action action) {
        String id = action.id();
        switch (action) {
            case ReconcilePlanner.Adopt a -> service.locks().locked(id, () -> {
                Container c = service.load(id);
                service.exits().next(id);
                if (c.state() != a.state() || c.pid() != a.pid()) {
                    java.time.Instant started = c.state().isLive() && c.startedAt() != null
                            ? c.startedAt() : java.time.Instant.now();
                    c = c.running(a.pid(), started).withState(a.state());
                    service.store().update(ContainerRecords.toRow(c));
                }
                // It may have exited between the runtime listing and now; the watcher would then have
                // seen a not-yet-adopted container and ignored the exit.
                Optional<Integer> code = service.exits().readExitCode(id);
                if (code.isPresent()) {
                    service.exits().record(c, code.get());
                }
                return null;
            });
            case ReconcilePlanner.RecordExit e -> service.locks().locked(id, () -> service.exits().record(service.load(id), e.exitCode()));
            case ReconcilePlanner.KillUnsupervised k -> service.locks().locked(id, () -> {
                service.runtime().kill(id, "SIGKILL", true);
                service.runtime().delete(id, true);
                return service.exits().record(service.load(id), 137);
            });
            case ReconcilePlanner.DiscardRuntime d -> service.runtime().delete(id, true);
            case ReconcilePlanner.RemoveOrphanFiles o -> ContainerService.deleteTree(service.layout().containerDir(id));
        }
    }

    /** Whether the pid in the container's monitor pid file is a live conmon for that container. */
    private boolean monitorAlive(String id) {
        try {
            String pid = Files.readString(service.layout().monitorPidFile(id)).strip();
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String cmdline = Files.readString(Path.of("/proc", pid, "cmdline"));
            boolean zombie = stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
            return !zombie && cmdline.contains("conmon") && cmdline.contains(id);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Set<String> directories() {
        Path dir = service.layout().containersDir();
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.map(p -> p.getFileName().toString()).filter(n -> n.length() == 64).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }
}
