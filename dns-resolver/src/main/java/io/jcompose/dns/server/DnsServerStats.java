package io.jcompose.dns.server;

/**
 * Counters of a running server, for tests, benchmarks and the agent's diagnostics.
 *
 * @param queries        messages received (UDP packets and TCP frames)
 * @param dropped        messages not answered at all (too short, responses, no room to send)
 * @param rejected       messages answered FORMERR or NOTIMP
 * @param forwarded      queries sent upstream
 * @param overloaded     queries refused because too many were already waiting on upstreams
 * @param upstreamFailed forwarded queries that ended in SERVFAIL
 * @param tcpConnections TCP connections open now
 */
public record DnsServerStats(long queries, long dropped, long rejected, long forwarded, long overloaded,
                             long upstreamFailed, int tcpConnections) {
}
