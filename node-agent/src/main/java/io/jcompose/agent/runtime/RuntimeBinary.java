package io.jcompose.agent.runtime;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An OCI runtime executable found on the host.
 *
 * @param name    {@code runc} or {@code crun}
 * @param path    absolute path of the binary
 * @param version the version it reports, e.g. {@code 1.1.5+ds1}
 */
public record RuntimeBinary(String name, Path path, String version) {
    public RuntimeBinary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
    }

    /** The version from the first line of {@code <runtime> --version}: {@code runc version 1.1.5+ds1}. */
    public static String parseVersion(String versionOutput) {
        String first = versionOutput.lines().findFirst().orElse("").strip();
        int at = first.indexOf("version ");
        return at < 0 ? first : first.substring(at + 8).strip();
    }

    @Override
    public String toString() {
        return name + " " + version + " (" + path + ")";
    }
}
