package io.jcompose.agent.container;

import io.jcompose.agent.runtime.RuntimeState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the agent must do at start so that its store agrees with the host: a pure function from the
 * stored containers, the runtime's containers, the exit codes the monitors left and the container
 * directories on disk, to a list of actions with reasons. {@link Reconciler} applies them.
 */
public final class ReconcilePlanner {
    /** Docker's exit code for a container that vanished without a recorded exit (a host reboot). */
    static final int UNKNOWN_EXIT = 255;

    private ReconcilePlanner() {
    }

    /** One stored container, reduced to what reconciling needs. */
    public record Stored(String id, ContainerState state, int pid) {
    }

    /** A repair. */
    public sealed interface Action {
        String id();

        String reason();
    }

    /** The runtime runs (or has frozen) it: record that state and watch for its exit. */
    public record Adopt(String id, ContainerState state, int pid, String reason) implements Action {
    }

    /**
     * The runtime runs it but its monitor is gone, so nobody would record its exit or read its
     * output: kill it and record the kill, rather than report a container nobody supervises.
     */
    public record KillUnsupervised(String id, String reason) implements Action {
    }

    /** It ended while nobody watched: record the exit. */
    public record RecordExit(String id, int exitCode, String reason) implements Action {
    }

    /** The runtime holds a container that must not exist: delete it (and its cgroup). */
    public record DiscardRuntime(String id, String reason) implements Action {
    }

    /** Files of a container the store does not know: delete them. */
    public record RemoveOrphanFiles(String id, String reason) implements Action {
    }

    /**
     * @param monitors ids of containers whose monitor process is alive
     */
    public static List<Action> plan(List<Stored> stored, Map<String, RuntimeState> runtime,
                                    Map<String, Integer> exitCodes, Set<String> directories, Set<String> monitors) {
        List<Action> actions = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Stored s : stored) {
            known.add(s.id());
            RuntimeState r = runtime.get(s.id());
            boolean live = s.state().isLive();
            int code = exitCodes.getOrDefault(s.id(), UNKNOWN_EXIT);
            String recorded = exitCodes.containsKey(s.id()) ? "its monitor recorded exit code " + code
                    : "no exit was recorded (was the host rebooted?)";
            if (r == null) {
                if (live) {
                    actions.add(new RecordExit(s.id(), code, "stored as " + s.state().wireName()
                            + " but unknown to the runtime; " + recorded));
                }
            } else if ((r.isRunning() || r.isPaused()) && !monitors.contains(s.id())) {
                actions.add(new KillUnsupervised(s.id(), "the runtime reports it " + r.status()
                        + " but its monitor process is gone"));
            } else if (r.isRunning() || r.isPaused()) {
                ContainerState now = r.isRunning() ? ContainerState.RUNNING : ContainerState.PAUSED;
                String why = now == s.state() && r.pid() == s.pid() ? "still " + now.wireName()
                        : "stored as " + s.state().wireName() + " but the runtime reports it " + r.status();
                actions.add(new Adopt(s.id(), now, r.pid(), why));
            } else if (r.isStopped()) {
                if (live) {
                    actions.add(new RecordExit(s.id(), code, "exited while the agent was down; " + recorded));
                } else {
                    actions.add(new DiscardRuntime(s.id(), "a stopped runtime container was never cleaned up"));
                }
            } else {
                if (live) {
                    actions.add(new RecordExit(s.id(), code, "stored as " + s.state().wireName()
                            + " but the runtime only created it"));
                }
                actions.add(new DiscardRuntime(s.id(), "a start was interrupted between create and start"));
            }
        }
        for (String id : new TreeSet<>(runtime.keySet())) {
            if (!known.contains(id)) {
                actions.add(new DiscardRuntime(id, "the store does not know it: an interrupted create or remove"));
            }
        }
        for (String id : new TreeSet<>(directories)) {
            if (!known.contains(id)) {
                actions.add(new RemoveOrphanFiles(id, "the store does not know it: an interrupted create or remove"));
            }
        }
        return actions;
    }
}
