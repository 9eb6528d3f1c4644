package io.jcompose.agent.container;

import io.jcompose.agent.bundle.BundleDir;
import java.nio.file.Path;

/**
 * Where container files live. Durable things (the database, bundles, logs, the monitor's persisted
 * exit code) are under the data root; things that must not survive a reboot (runtime state, monitor
 * pids, exit notifications) are under the runtime directory, a tmpfs on a real host.
 */
public record ContainerLayout(Path dataRoot, Path runtimeDir) {
    public Path database() {
        return dataRoot.resolve("state.db");
    }

    public Path containersDir() {
        return dataRoot.resolve("containers");
    }

    /** Directories of removed containers, until their files are deleted (see {@link Trash}). */
    public Path trashDir() {
        return dataRoot.resolve("trash");
    }

    public Path containerDir(String id) {
        return containersDir().resolve(id);
    }

    public BundleDir bundle(String id) {
        return new BundleDir(containerDir(id));
    }

    /** Where the image snapshot of a container made from an image is mounted. */
    public Path rootfs(String id) {
        return containerDir(id).resolve("rootfs");
    }

    public Path logFile(String id) {
        return containerDir(id).resolve("ctr.log");
    }

    public Path persistDir(String id) {
        return containerDir(id).resolve("persist");
    }

    public Path containerPidFile(String id) {
        return containerDir(id).resolve("pidfile");
    }

    public Path runtimeRoot() {
        return runtimeDir.resolve("runc");
    }

    public Path exitDir() {
        return runtimeDir.resolve("exits");
    }

    public Path monitorPidFile(String id) {
        return runtimeDir.resolve("conmon").resolve(id + ".pid");
    }

    public Path socketDir() {
        return runtimeDir.resolve("sockets");
    }

    public Path probeDir() {
        return runtimeDir.resolve("probe");
    }
}
