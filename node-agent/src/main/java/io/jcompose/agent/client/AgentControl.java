package io.jcompose.agent.client;

import io.jcompose.agent.api.v1.VersionView;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.error.ErrorKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code jcompose agent status|stop} need: whether an agent answers on a runtime directory, and
 * stopping it the way an init system would (SIGTERM, then wait). Containers keep running either way.
 */
public final class AgentControl {
    private AgentControl() {
    }

    /** The running agent's version and pid, or empty when none answers. */
    public static Optional<VersionView> status(Path runtimeDir) {
        try {
            return Optional.of(new AgentClient(runtimeDir.resolve(AgentReadiness.SOCKET_FILE)).version());
        } catch (AgentException e) {
            if (e.kind() == ErrorKind.UNAVAILABLE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Sends SIGTERM to the agent answering on {@code runtimeDir} and waits for it to exit.
     *
     * @return false when no agent was running
     */
    public static boolean stop(Path runtimeDir, Duration timeout) {
        Optional<VersionView> running = status(runtimeDir);
        if (running.isEmpty()) {
            return false;
        }
        ProcessHandle agent = ProcessHandle.of(running.get().pid()).orElse(null);
        if (agent == null) {
            return false;
        }
        agent.destroy();
        try {
            agent.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            throw AgentException.unavailable("the agent (pid " + agent.pid() + ") did not stop within "
                    + timeout.toSeconds() + " s", "look at its output; kill it with SIGKILL if it hangs (containers keep running)");
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgentException.unavailable("interrupted while stopping the agent", null);
        }
    }
}
