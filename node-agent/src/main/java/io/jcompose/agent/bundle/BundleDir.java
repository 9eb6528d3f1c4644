package io.jcompose.agent.bundle;

import java.nio.file.Path;

/**
 * The files of one OCI bundle: {@code config.json} and the per-container {@code /etc} files it
 * bind-mounts. The rootfs is elsewhere (config.json points at it by absolute path).
 */
public record BundleDir(Path dir) {
    public Path config() {
        return dir.resolve("config.json");
    }

    public Path hostname() {
        return dir.resolve("hostname");
    }

    public Path hosts() {
        return dir.resolve("hosts");
    }

    public Path resolvConf() {
        return dir.resolve("resolv.conf");
    }
}
