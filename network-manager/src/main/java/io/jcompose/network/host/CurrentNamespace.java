package io.jcompose.network.host;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The agent's own namespace: tasks run inline on the calling thread. */
final class CurrentNamespace implements HostNamespace {

    static final CurrentNamespace INSTANCE = new CurrentNamespace();

    private CurrentNamespace() {
    }

    @Override
    public <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The namespace of this process, through /proc (the JVM never changes its own namespace). */
    @Override
    public Path file() {
        return Path.of("/proc", Long.toString(ProcessHandle.current().pid()), "ns", "net");
    }

    @Override
    public void close() {
        // nothing to release: the calling threads stay where they are
    }

    @Override
    public String toString() {
        return "current network namespace";
    }
}
