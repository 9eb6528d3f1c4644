package io.jcompose.agent.api.v1;

import java.util.List;

/**
 * {@code POST /v1/containers/{id}/exec/stream}: an exec attached to the connection, which the agent upgrades
 * to a raw stream (see {@link ExecFrame}). user and workingDir default to the container's; {@code tty} gives the
 * process a terminal of {@code height} × {@code width} (both or neither); {@code detach} answers 101, sends the
 * exit frame with code 0 once the process has started and leaves it running, output discarded.
 */
public record ExecStartRequest(List<String> command, List<String> env, String user, String workingDir,
                               Boolean tty, Boolean privileged, Boolean detach, Integer height, Integer width) {

    public boolean isTty() {
        return Boolean.TRUE.equals(tty);
    }

    public boolean isPrivileged() {
        return Boolean.TRUE.equals(privileged);
    }

    public boolean isDetach() {
        return Boolean.TRUE.equals(detach);
    }
}
