package io.jcompose.agent.log;

import io.jcompose.agent.container.Container;
import io.jcompose.agent.container.ContainerHooks;
import io.jcompose.agent.container.ContainerLayout;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.container.ContainerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the history of running containers' logs: watches each one's directory for the new {@code ctr.log}
 * that conmon starts at the size limit and links it at once as the next generation, dropping the oldest
 * beyond the policy ({@link LogGenerations}). One inotify watch per running container, for file creation
 * only (a log write does not wake it); one virtual thread for all.
 */
public final class LogKeeper implements ContainerHooks, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LogKeeper.class.getName());

    private final ContainerLayout layout;
    private final LogPolicy policy;
    private final WatchService watch;
    private final Map<String, WatchKey> watched = new ConcurrentHashMap<>();
    private final Map<WatchKey, Path> logs = new ConcurrentHashMap<>();
    private final Map<Path, LogPolicy> policies = new ConcurrentHashMap<>();
    private final Thread thread;

    public LogKeeper(ContainerLayout layout, LogPolicy policy) {
        this.layout = layout;
        this.policy = policy;
        try {
            this.watch = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch container logs", e);
        }
        this.thread = Thread.ofVirtual().name("log-keeper").start(this::run);
    }

    /** Watches the containers already running (adopted at agent start). */
    public void resume(ContainerService containers) {
        for (Container c : containers.list(List.of())) {
            if (c.state() == ContainerState.RUNNING || c.state() == ContainerState.PAUSED) {
                begin(c);
            }
        }
    }

    @Override
    public void started(Container c, boolean byUser) {
        begin(c);
    }

    @Override
    public void exited(Container c) {
        end(c.id().value());
    }

    @Override
    public void removed(Container c, boolean volumes) {
        end(c.id().value());
    }

    private void begin(Container c) {
        String id = c.id().value();
        Path log = layout.logFile(id);
        policies.put(log, policy.apply(c.spec().logLimits()));
        try {
            WatchKey key = log.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            logs.put(key, log);
            watched.put(id, key);
        } catch (IOException | ClosedWatchServiceException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot watch the log of " + id + "; its older lines are not kept", e);
        }
        keep(log);
    }

    private void end(String id) {
        WatchKey key = watched.remove(id);
        if (key != null) {
            Path log = logs.remove(key);
            if (log != null) {
                policies.remove(log);
            }
            key.cancel();
        }
    }

    private void keep(Path log) {
        try {
            LogGenerations.keep(log, policies.getOrDefault(log, policy));
        } catch (UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot keep the earlier lines of " + log, e);
        }
    }

    private void run() {
        while (true) {
            WatchKey key;
            try {
                key = watch.take();
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            }
            Path log = logs.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (log != null && (event.kind() == StandardWatchEventKinds.OVERFLOW
                        || log.getFileName().equals(event.context()))) {
                    keep(log);
                }
            }
            key.reset();
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            // closing only
        }
        thread.interrupt();
    }
}
