package io.jcompose.agent.bundle;

import io.jcompose.agent.error.AgentException;
import java.nio.file.Path;

/** Something mounted into the container besides the defaults. */
public sealed interface MountSpec {
    /** Absolute path inside the container. */
    String target();

    /** Mount propagation of a bind mount, as in {@code bind.propagation}. */
    enum Propagation {
        RPRIVATE, PRIVATE, RSHARED, SHARED, RSLAVE, SLAVE;

        public String option() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A host path bound into the container.
     *
     * @param createHostPath create a missing source directory instead of failing (compose {@code create_host_path})
     */
    record Bind(Path source, String target, boolean readOnly, Propagation propagation, boolean createHostPath)
            implements MountSpec {
        public Bind {
            checkTarget(target);
            if (source == null || !source.isAbsolute()) {
                throw AgentException.invalid("bind source \"" + source + "\" for " + target + " is not absolute",
                        "use an absolute host path");
            }
            propagation = propagation == null ? Propagation.RPRIVATE : propagation;
        }
    }

    /**
     * A tmpfs.
     *
     * @param sizeBytes 0 for the kernel default (half of RAM)
     * @param mode      permission bits, 0 for the default 1777
     * @param noExec    forbid executing files from it: true for compose's short {@code tmpfs:} list (Docker's
     *                  {@code --tmpfs}), false for a long-syntax {@code type: tmpfs} volume
     */
    record Tmpfs(String target, long sizeBytes, int mode, boolean readOnly, boolean noExec) implements MountSpec {
        public Tmpfs {
            checkTarget(target);
            if (sizeBytes < 0) {
                throw AgentException.invalid("tmpfs " + target + " has a negative size", null);
            }
        }
    }

    /**
     * A named volume, or an anonymous one ({@code name} null until create gives it one). The agent
     * turns it into a {@link Bind} of the volume's directory before the bundle is written.
     *
     * @param noCopy  do not fill a new, empty volume with the image's content at the target
     * @param subpath mount only this relative sub-directory of the volume; empty for the whole volume
     */
    record Volume(String name, String target, boolean readOnly, boolean noCopy, String subpath) implements MountSpec {
        public Volume {
            checkTarget(target);
            subpath = subpath == null ? "" : subpath;
            if (subpath.startsWith("/") || java.util.Arrays.asList(subpath.split("/")).contains("..")) {
                throw AgentException.invalid("volume subpath \"" + subpath + "\" for " + target + " leaves the volume",
                        "give a relative path inside the volume, without ..");
            }
        }

        public Volume withName(String newName) {
            return new Volume(newName, target, readOnly, noCopy, subpath);
        }
    }

    private static void checkTarget(String target) {
        if (target == null || !target.startsWith("/")) {
            throw AgentException.invalid("mount target \"" + target + "\" is not an absolute container path",
                    "write the target as /path");
        }
        if (target.equals("/")) {
            throw AgentException.invalid("a mount cannot replace the container's root", "mount to a subdirectory");
        }
    }
}
