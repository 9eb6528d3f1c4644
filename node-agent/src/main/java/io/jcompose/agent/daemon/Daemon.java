package io.jcompose.agent.daemon;

import io.jcompose.agent.api.ApiServer;
import io.jcompose.agent.api.v1.VersionView;
import io.jcompose.agent.bundle.BundleWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;

/**
 * A serving agent: the {@link Agent} plus its API socket and readiness file. The ready file appears
 * only once the socket accepts connections, so a client waiting for it never races the bind.
 */
public final class Daemon implements AutoCloseable {
    public static final String VERSION = "0.1.0";
    public static final String API_VERSION = "v1";

    private final Agent agent;
    private final ApiServer server;
    private boolean closed;

    private Daemon(Agent agent, ApiServer server) {
        this.agent = agent;
        this.server = server;
    }

    public static Daemon start(AgentConfig config) {
        Agent agent = Agent.start(config);
        try {
            VersionView version = new VersionView(VERSION, API_VERSION, (int) ProcessHandle.current().pid(),
                    agent.runtime().chosen().name(), agent.runtime().chosen().version(), agent.runtime().reason(),
                    agent.cgroups().kind().name().toLowerCase(Locale.ROOT));
            ApiServer server = ApiServer.start(config.socket(), agent.containers(), agent.networks(), agent.events(),
                    () -> version, agent.volumes(), agent.images(), config.dataRoot().resolve("uploads"));
            BundleWriter.write(config.readyFile(),
                    Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8));
            return new Daemon(agent, server);
        } catch (RuntimeException e) {
            agent.close();
            throw e;
        }
    }

    public Agent agent() {
        return agent;
    }

    /** Stops serving; the containers keep running under their monitors. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.deleteIfExists(agent.config().readyFile());
        } catch (IOException e) {
            // A stale ready file is checked against the socket by clients.
        }
        server.close();
        agent.close();
    }
}
