package io.jcompose.agent.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.function.Consumer;

/**
 * Tells the agent when a monitor records an exit: every container's monitor writes
 * {@code <exit dir>/<container id>} when the container ends, and this watcher (inotify through the
 * JDK's WatchService) passes the id on. Exits that happen while the agent is down are found by the
 * reconciler instead, from the same files.
 */
public final class ExitWatcher implements AutoCloseable {
    private final WatchService watch;
    private final Thread thread;

    private ExitWatcher(WatchService watch, Thread thread) {
        this.watch = watch;
        this.thread = thread;
    }

    /** Starts watching {@code exitDir}; {@code onExit} receives container ids on a dedicated thread. */
    public static ExitWatcher start(Path exitDir, Consumer<String> onExit) {
        try {
            Files.createDirectories(exitDir);
            WatchService watch = FileSystems.getDefault().newWatchService();
            exitDir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            Thread thread = Thread.ofPlatform().daemon().name("exit-watcher").start(() -> loop(watch, onExit));
            return new ExitWatcher(watch, thread);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + exitDir, e);
        }
    }

    private static void loop(WatchService watch, Consumer<String> onExit) {
        while (true) {
            WatchKey key;
            try {
                key = watch.take();
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            }
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.context() instanceof Path name && isContainerId(name.toString())) {
                    onExit.accept(name.toString());
                }
            }
            key.reset();
        }
    }

    /** conmon writes through a temporary file; only the final name is a container id. */
    static boolean isContainerId(String name) {
        if (name.length() != 64) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            watch.close();
            thread.join(5_000);
        } catch (IOException e) {
            // Closing twice is harmless.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
