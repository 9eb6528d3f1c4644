package io.jcompose.image.registry;

import java.time.Duration;
import java.util.Set;

/**
 * How the registry client behaves.
 *
 * @param insecureRegistries hosts ({@code host} or {@code host:port}) reached over plain HTTP; loopback
 *                           registries always are
 * @param maxAttempts        tries per request, counting the first, for network errors, 5xx and 429
 * @param initialBackoff     wait before the second try; doubles per try, with jitter
 * @param maxBackoff         cap on one wait (a server's Retry-After is honoured up to this)
 * @param connectTimeout     TCP/TLS connect timeout
 * @param concurrentDownloads layers fetched at the same time per image
 */
public record RegistryOptions(Set<String> insecureRegistries, int maxAttempts, Duration initialBackoff,
                              Duration maxBackoff, Duration connectTimeout, int concurrentDownloads) {
    public RegistryOptions {
        insecureRegistries = Set.copyOf(insecureRegistries);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (concurrentDownloads < 1) throw new IllegalArgumentException("concurrentDownloads must be at least 1");
    }

    public static RegistryOptions defaults() {
        return new RegistryOptions(Set.of(), 5, Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofSeconds(30), 4);
    }

    public RegistryOptions withInsecureRegistries(Set<String> hosts) {
        return new RegistryOptions(hosts, maxAttempts, initialBackoff, maxBackoff, connectTimeout, concurrentDownloads);
    }

    public RegistryOptions withRetries(int attempts, Duration initial) {
        return new RegistryOptions(insecureRegistries, attempts, initial, maxBackoff, connectTimeout, concurrentDownloads);
    }

    public RegistryOptions withConcurrentDownloads(int n) {
        return new RegistryOptions(insecureRegistries, maxAttempts, initialBackoff, maxBackoff, connectTimeout, n);
    }

    /** Plain HTTP for loopback and for the configured hosts. */
    public boolean plainHttp(String registry) {
        if (insecureRegistries.contains(registry)) return true;
        String host = registry;
        if (host.startsWith("[")) {
            host = host.substring(1, host.indexOf(']'));
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return insecureRegistries.contains(host) || host.equals("localhost") || host.startsWith("127.")
                || host.equals("::1");
    }
}
