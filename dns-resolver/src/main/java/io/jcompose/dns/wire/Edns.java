package io.jcompose.dns.wire;

/**
 * The EDNS(0) OPT record of a query (RFC 6891).
 *
 * @param payloadSize the largest UDP response the client accepts; values under 512 count as 512
 * @param version     the EDNS version; only 0 exists, others get BADVERS
 * @param dnssecOk    the DO bit, copied into our OPT as RFC 3225 asks
 */
public record Edns(int payloadSize, int version, boolean dnssecOk) {
    public Edns {
        payloadSize = Math.max(payloadSize, 512);
    }
}
