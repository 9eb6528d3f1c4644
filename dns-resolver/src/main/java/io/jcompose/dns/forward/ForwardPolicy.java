package io.jcompose.dns.forward;

import java.time.Duration;

/**
 * How hard forwarding tries before it gives up.
 *
 * @param budget         from the query's arrival to the SERVFAIL that ends it when no upstream answers;
 *                       under 2 s, well inside a client's own 5 s timeout, so the client hears the failure
 * @param minAttempt     the shortest wait for one upstream
 * @param maxAttempt     the longest wait for one upstream; the budget is shared out between the
 *                       upstreams within these bounds, so a dead first server costs at most this
 * @param maxOutstanding queries waiting on upstreams at once; beyond it a new one gets REFUSED at once
 */
public record ForwardPolicy(Duration budget, Duration minAttempt, Duration maxAttempt, int maxOutstanding) {
    /** The most queries that may wait on upstreams at once. */
    public static final int MAX_OUTSTANDING = 32768;

    public static final ForwardPolicy DEFAULT = new ForwardPolicy(
            Duration.ofMillis(1800), Duration.ofMillis(250), Duration.ofMillis(1000), 1024);

    public ForwardPolicy {
        if (minAttempt.compareTo(maxAttempt) > 0 || minAttempt.isNegative() || budget.isNegative()) {
            throw new IllegalArgumentException("forward policy needs 0 <= minAttempt <= maxAttempt and budget >= 0");
        }
        if (maxOutstanding < 1 || maxOutstanding > MAX_OUTSTANDING) {
            // Each waiting query holds one of the 65536 IDs of the upstream socket; keep most free.
            throw new IllegalArgumentException("maxOutstanding must be 1.." + MAX_OUTSTANDING + ", was " + maxOutstanding);
        }
    }

    public ForwardPolicy withMaxOutstanding(int value) {
        return new ForwardPolicy(budget, minAttempt, maxAttempt, value);
    }

    /** The wait for one upstream when {@code upstreams} are configured. */
    long attemptMillis(int upstreams) {
        long share = budget.toMillis() / Math.max(1, upstreams);
        return Math.clamp(share, minAttempt.toMillis(), maxAttempt.toMillis());
    }
}
