package io.jcompose.agent.client;

import io.jcompose.agent.api.v1.VersionView;
import io.jcompose.agent.error.AgentException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for an agent to become ready: its ready file appears in the runtime directory once the
 * socket accepts requests. The wait is on file-system notifications, never a blind sleep; a ready
 * file left by a killed agent is recognised because its socket does not answer.
 */
public final class AgentReadiness {
    public static final String READY_FILE = "jcompose.ready";
    public static final String SOCKET_FILE = "jcompose.sock";

    private AgentReadiness() {
    }

    /** Returns the agent's version once it answers; UNAVAILABLE after {@code timeout}. */
    public static VersionView await(Path runtimeDir, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AgentClient client = new AgentClient(runtimeDir.resolve(SOCKET_FILE));
        try {
            Files.createDirectories(runtimeDir);
            try (WatchService watch = FileSystems.getDefault().newWatchService()) {
                runtimeDir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
                while (true) {
                    if (Files.exists(runtimeDir.resolve(READY_FILE))) {
                        try {
                            return client.version();
                        } catch (AgentException stale) {
                            // A ready file without a live socket: an agent was killed; wait for the new one.
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    var key = watch.poll(left, TimeUnit.NANOSECONDS);
                    if (key != null) {
                        key.pollEvents();
                        key.reset();
                    }
                }
            }
        } catch (IOException e) {
            throw AgentException.unavailable("cannot watch " + runtimeDir + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw AgentException.unavailable("the agent did not become ready within " + timeout.toSeconds() + " s",
                "look at the agent's output; `jcompose agent` runs it in the foreground");
    }
}
