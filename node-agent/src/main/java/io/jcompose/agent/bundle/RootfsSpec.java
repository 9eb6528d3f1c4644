package io.jcompose.agent.bundle;

import io.jcompose.agent.error.AgentException;
import java.nio.file.Path;

/**
 * The container's root filesystem: a directory on the host (an overlay mount point once images land).
 *
 * @param path     absolute host path of the directory
 * @param readOnly mount it read-only (compose {@code read_only})
 */
public record RootfsSpec(Path path, boolean readOnly) {
    public RootfsSpec {
        if (path == null || !path.isAbsolute()) {
            throw AgentException.invalid("the root filesystem path \"" + path + "\" is not absolute",
                    "pass an absolute directory");
        }
        path = path.normalize();
    }
}
