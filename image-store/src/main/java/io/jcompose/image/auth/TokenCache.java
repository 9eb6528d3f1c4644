package io.jcompose.image.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens by registry, service and scope, kept until shortly before they expire so a pull of
 * many layers asks the token server once.
 */
public final class TokenCache {
    /** Tokens are dropped this long before their stated expiry, to absorb clock skew and slow requests. */
    private static final Duration MARGIN = Duration.ofSeconds(10);
    /** The distribution spec's default lifetime when a token server states none. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

    private record Entry(String token, Instant expires) {
    }

    private final ConcurrentHashMap<String, Entry> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    public TokenCache(Clock clock) {
        this.clock = clock;
    }

    public static String key(String registry, String service, String scope) {
        return registry + "\n" + service + "\n" + scope;
    }

    /** The cached token, or null when absent or about to expire. */
    public String get(String key) {
        Entry e = tokens.get(key);
        if (e == null) return null;
        if (clock.instant().plus(MARGIN).isAfter(e.expires)) {
            tokens.remove(key, e);
            return null;
        }
        return e.token;
    }

    public void put(String key, String token, Duration lifetime) {
        tokens.put(key, new Entry(token, clock.instant().plus(lifetime)));
    }

    public void invalidate(String key) {
        tokens.remove(key);
    }
}
