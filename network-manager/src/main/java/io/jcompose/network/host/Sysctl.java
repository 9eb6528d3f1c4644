package io.jcompose.network.host;

import io.jcompose.network.NetworkException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@code /proc/sys} of the host namespace. The kernel resolves {@code /proc/sys/net}
 * by the namespace of the thread that opens it, so this goes through {@link HostNamespace#call}.
 */
public final class Sysctl {

    private final HostNamespace host;

    public Sysctl(HostNamespace host) {
        this.host = host;
    }

    /** Sets {@code key} (dotted, as in {@code net.ipv4.ip_forward}) unless it already has that value. */
    public void set(String key, String value) {
        Path file = path(key);
        host.run(() -> {
            try {
                if (Files.readString(file).strip().equals(value)) {
                    return;
                }
                Files.writeString(file, value);
            } catch (IOException e) {
                throw NetworkException.failed("set " + key + " to " + value, e);
            }
        });
    }

    public String get(String key) {
        Path file = path(key);
        return host.call(() -> {
            try {
                return Files.readString(file).strip();
            } catch (IOException e) {
                throw NetworkException.failed("read " + key, e);
            }
        });
    }

    private static Path path(String key) {
        if (key.contains("..") || key.contains("/")) {
            throw new IllegalArgumentException("not a sysctl key: " + key);
        }
        return Path.of("/proc/sys", key.replace('.', '/'));
    }
}
