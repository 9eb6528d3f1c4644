package io.jcompose.agent.monitor;

import java.nio.file.Path;

/**
 * Where one container's monitor keeps things.
 *
 * @param containerId      the runtime's container id
 * @param bundle           bundle directory (config.json); the monitor also puts its control fifo here
 * @param logFile          k8s-file log, stdout and stderr tagged
 * @param persistDir       survives the runtime dir: the monitor writes {@code exit} and {@code oom} here
 * @param exitDir          shared directory where the monitor writes {@code <id>} with the exit code
 * @param monitorPidFile   the monitor's own pid
 * @param containerPidFile the container init's pid, written by the runtime
 * @param socketDir        where the monitor links the attach socket
 * @param tty              allocate a terminal
 * @param stdin            keep a stdin pipe open
 * @param stdinOnce        the stdin pipe closes when an attached client ends its input or leaves (Docker's
 *                         StdinOnce); otherwise it stays open for the next client
 * @param logSizeMax       size at which the log starts a new file; 0 for the monitor's default
 */
public record MonitorLaunch(String containerId, Path bundle, Path logFile, Path persistDir, Path exitDir,
                            Path monitorPidFile, Path containerPidFile, Path socketDir, boolean tty, boolean stdin,
                            boolean stdinOnce, long logSizeMax) {
    /** A launch with the monitor's default log size and stdin kept open across clients. */
    public MonitorLaunch(String containerId, Path bundle, Path logFile, Path persistDir, Path exitDir,
                         Path monitorPidFile, Path containerPidFile, Path socketDir, boolean tty, boolean stdin) {
        this(containerId, bundle, logFile, persistDir, exitDir, monitorPidFile, containerPidFile, socketDir, tty, stdin,
                false, 0);
    }
}
