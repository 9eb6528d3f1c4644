package io.jcompose.dns.forward;

import io.jcompose.dns.answer.Answer;
import io.jcompose.dns.wire.ResponseWriter;
import io.jcompose.dns.wire.WireQuery;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends the questions that are not ours to upstream servers and relays their answers.
 *
 * <p>One UDP socket carries every upstream exchange. Each query gets a fresh random 16-bit ID; an
 * answer is taken only from one of the query's upstreams, with that ID and the same question. The
 * upstreams are tried in order, each for a share of the budget ({@link ForwardPolicy}); SERVFAIL or
 * REFUSED moves on to the next at once; when all have failed, or the budget is spent, the client
 * gets SERVFAIL — it never waits in silence. An answer with TC set is fetched again over TCP when
 * the client asked over TCP; a UDP client gets it truncated and asks over TCP itself.
 *
 * <p>At most {@code maxOutstanding} queries wait on upstreams; a query beyond that gets REFUSED at
 * once. That bound concerns forwarding only: local answers never pass through here.
 *
 * <p>Threading: the pending table and timers live on the socket's event loop; {@link #forward} may
 * be called from any thread and hops there.
 */
public final class Forwarder {
    private final Channel socket;
    private final EventLoop loop;
    private final EventLoopGroup group;
    private final ForwardPolicy policy;
    private volatile Set<InetSocketAddress> ownAddresses = Set.of();
    private final IntObjectMap<Exchange> pending = new IntObjectHashMap<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder overloaded = new LongAdder();
    private final LongAdder failed = new LongAdder();

    private Forwarder(Channel socket, EventLoopGroup group, ForwardPolicy policy) {
        this.socket = socket;
        this.loop = socket.eventLoop();
        this.group = group;
        this.policy = policy;
    }

    /** Opens the upstream socket on {@code group}. */
    public static CompletableFuture<Forwarder> start(EventLoopGroup group, ForwardPolicy policy) {
        CompletableFuture<Forwarder> result = new CompletableFuture<>();
        UpstreamHandler handler = new UpstreamHandler();
        ChannelFuture bound = new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(handler)
                .bind(new InetSocketAddress(0));
        bound.addListener(f -> {
            if (f.isSuccess()) {
                Forwarder forwarder = new Forwarder(bound.channel(), group, policy);
                handler.forwarder = forwarder;
                result.complete(forwarder);
            } else {
                result.completeExceptionally(f.cause());
            }
        });
        return result;
    }

    /**
     * Forwards one query. Takes ownership of {@code message}, a copy of the client's query that
     * outlives the packet it came in.
     */
    public void forward(ByteBuf message, WireQuery query, List<InetSocketAddress> upstreams, Client client) {
        if (outstanding.incrementAndGet() > policy.maxOutstanding()) {
            outstanding.decrementAndGet();
            overloaded.increment();
            reply(client, message, query, DnsResponseCode.REFUSED);
            message.release();
            return;
        }
        forwarded.increment();
        Exchange exchange = new Exchange(message, query, upstreams, client,
                System.nanoTime() + policy.budget().toNanos(), policy.attemptMillis(upstreams.size()));
        try {
            loop.execute(() -> begin(exchange));
        } catch (RejectedExecutionException closing) {
            // The server is shutting down: the client still hears an answer.
            outstanding.decrementAndGet();
            reply(client, message, query, DnsResponseCode.SERVFAIL);
            message.release();
        }
    }

    /** The server's own addresses: never sent to, so a misconfigured upstream cannot make a loop. */
    public void excludeUpstreams(Set<InetSocketAddress> addresses) {
        ownAddresses = Set.copyOf(addresses);
    }

    public long forwardedCount() {
        return forwarded.sum();
    }

    /** Queries refused because {@code maxOutstanding} were already waiting. */
    public long overloadedCount() {
        return overloaded.sum();
    }

    /** Queries that ended in SERVFAIL because no upstream gave a usable answer. */
    public long failedCount() {
        return failed.sum();
    }

    public int outstanding() {
        return outstanding.get();
    }

    public CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        socket.close().addListener(f -> loop.execute(() -> {
            List.copyOf(pending.values()).forEach(e -> finish(e, DnsResponseCode.SERVFAIL));
            done.complete(null);
        }));
        return done;
    }

    private void begin(Exchange exchange) {
        int id = freeId();
        exchange.upstreamId = id;
        exchange.message.setShort(exchange.message.readerIndex(), id);
        pending.put(id, exchange);
        attempt(exchange);
    }

    private int freeId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int id = random.nextInt(0x10000);
        while (pending.containsKey(id)) {
            id = random.nextInt(0x10000);
        }
        return id;
    }

    private void attempt(Exchange exchange) {
        long remaining = TimeUnit.NANOSECONDS.toMillis(exchange.deadline - System.nanoTime());
        InetSocketAddress upstream = exchange.upstreams.get(exchange.attempts % exchange.upstreams.size());
        exchange.attempts++;
        if (ownAddresses.contains(upstream)) {
            exchange.failures++;
            next(exchange);
            return;
        }
        if (remaining <= 0) {
            finish(exchange, DnsResponseCode.SERVFAIL);
            return;
        }
        int attempt = exchange.attempts;
        exchange.timer = loop.schedule(() -> timedOut(exchange, attempt), Math.min(remaining, exchange.attemptMillis),
                TimeUnit.MILLISECONDS);
        socket.writeAndFlush(new DatagramPacket(exchange.message.retainedDuplicate(), upstream), socket.voidPromise());
    }

    /** Moves on after a failed attempt: the next upstream, or SERVFAIL when all have failed or time is up. */
    private void next(Exchange exchange) {
        if (exchange.failures >= exchange.upstreams.size()) {
            finish(exchange, DnsResponseCode.SERVFAIL);
        } else {
            attempt(exchange);
        }
    }

    private void timedOut(Exchange exchange, int attempt) {
        if (exchange.done || exchange.attempts != attempt || exchange.viaTcp) {
            return;
        }
        attempt(exchange);
    }

    /** An answer on the upstream socket; runs on the loop. Takes ownership of the packet. */
    void received(DatagramPacket packet) {
        ByteBuf answer = packet.content();
        try {
            if (answer.readableBytes() < 12) {
                return;
            }
            Exchange exchange = pending.get(answer.getUnsignedShort(answer.readerIndex()));
            if (exchange == null || exchange.viaTcp || !exchange.upstreams.contains(packet.sender())
                    || !UpstreamAnswer.matches(answer, exchange.message, exchange.query.questionEnd())) {
                return;
            }
            int code = UpstreamAnswer.code(answer);
            if (code == DnsResponseCode.SERVFAIL.intValue() || code == DnsResponseCode.REFUSED.intValue()) {
                exchange.timer.cancel(false);
                exchange.failures++;
                next(exchange);
            } else if (UpstreamAnswer.truncated(answer) && exchange.client.overTcp()) {
                exchange.timer.cancel(false);
                overTcp(exchange, packet.sender());
            } else {
                relay(exchange, answer.retain());
            }
        } finally {
            packet.release();
        }
    }

    private void overTcp(Exchange exchange, InetSocketAddress upstream) {
        exchange.viaTcp = true;
        long remaining = TimeUnit.NANOSECONDS.toMillis(exchange.deadline - System.nanoTime());
        TcpExchange.exchange(group, upstream, exchange.message, Math.max(remaining, 1)).whenComplete(
                (answer, error) -> loop.execute(() -> {
                    if (error != null || exchange.done
                            || !UpstreamAnswer.matches(answer, exchange.message, exchange.query.questionEnd())) {
                        if (answer != null) {
                            answer.release();
                        }
                        finish(exchange, DnsResponseCode.SERVFAIL);
                    } else {
                        relay(exchange, answer);
                    }
                }));
    }

    private void relay(Exchange exchange, ByteBuf answer) {
        if (exchange.done) {
            answer.release();
            return;
        }
        answer.setShort(answer.readerIndex(), exchange.query.id());
        if (!exchange.client.overTcp() && answer.readableBytes() > exchange.query.udpLimit()) {
            // An upstream that ignores the size the client asked for (moby#44575): the client gets
            // a truncated answer and asks again over TCP.
            int code = UpstreamAnswer.code(answer);
            answer.release();
            ByteBuf truncated = socket.alloc().buffer(exchange.query.questionEnd() + 11);
            ResponseWriter.writeTruncated(truncated, exchange.message, exchange.query, DnsResponseCode.valueOf(code));
            exchange.client.send(truncated);
        } else {
            exchange.client.send(answer);
        }
        complete(exchange);
    }

    private void finish(Exchange exchange, DnsResponseCode code) {
        if (exchange.done) {
            return;
        }
        failed.increment();
        reply(exchange.client, exchange.message, exchange.query, code);
        complete(exchange);
    }

    /** Ends an exchange whose client has been answered: the one place that frees its slot and its copy. */
    private void complete(Exchange exchange) {
        exchange.done = true;
        if (exchange.timer != null) {
            exchange.timer.cancel(false);
        }
        pending.remove(exchange.upstreamId);
        outstanding.decrementAndGet();
        exchange.message.release();
    }

    private static void reply(Client client, ByteBuf message, WireQuery query, DnsResponseCode code) {
        ByteBuf out = client.channel().alloc().buffer(query.questionEnd() + 11);
        ResponseWriter.write(out, message, query, Answer.Local.error(code),
                client.overTcp() ? ResponseWriter.MAX_TCP_MESSAGE : query.udpLimit());
        client.send(out);
    }
}
