package io.jcompose.dns.forward;

import io.jcompose.dns.wire.WireQuery;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/** One forwarded query in flight. Mutable, and only ever touched on the forwarder's event loop. */
final class Exchange {
    final ByteBuf message;
    final WireQuery query;
    final List<InetSocketAddress> upstreams;
    final Client client;
    final long deadline;
    final long attemptMillis;
    int upstreamId;
    int attempts;
    int failures;
    ScheduledFuture<?> timer;
    boolean viaTcp;
    boolean done;

    Exchange(ByteBuf message, WireQuery query, List<InetSocketAddress> upstreams, Client client, long deadline,
             long attemptMillis) {
        this.message = message;
        this.query = query;
        this.upstreams = upstreams;
        this.client = client;
        this.deadline = deadline;
        this.attemptMillis = attemptMillis;
    }
}
