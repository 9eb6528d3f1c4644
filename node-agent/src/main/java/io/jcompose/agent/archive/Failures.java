package io.jcompose.agent.archive;

import io.jcompose.agent.error.AgentException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** File-system errors of a copy, as the agent's error kinds, with the container path rather than /proc/self/fd. */
final class Failures {
    private Failures() {
    }

    static AgentException of(String what, IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (e instanceof NoSuchFileException) {
            return AgentException.notFound(what + ": no such file or directory", null);
        }
        if (e instanceof AccessDeniedException || "Read-only file system".equals(reason)) {
            return AgentException.precondition(what + ": " + (reason == null ? "permission denied" : reason),
                    "the path is on a read-only file system or mount");
        }
        return AgentException.internal(what + ": " + reason, e);
    }
}
