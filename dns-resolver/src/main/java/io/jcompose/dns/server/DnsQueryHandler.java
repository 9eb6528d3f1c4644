package io.jcompose.dns.server;

import io.jcompose.dns.answer.Answer;
import io.jcompose.dns.answer.Responder;
import io.jcompose.dns.forward.Client;
import io.jcompose.dns.forward.Forwarder;
import io.jcompose.dns.view.DnsView;
import io.jcompose.dns.wire.ParsedQuery;
import io.jcompose.dns.wire.QueryParser;
import io.jcompose.dns.wire.ResponseWriter;
import io.jcompose.dns.wire.WireQuery;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Answers each query that arrives on a server's sockets: a UDP packet, or a TCP frame already cut
 * out of the stream. It holds no per-query or per-connection state, so one instance serves every
 * socket and connection of a server. Each query reads the current view once and uses it to the
 * end, so a view swap between two queries changes the second answer and loses nothing.
 *
 * <p>No input makes it throw towards Netty: malformed messages are answered FORMERR/NOTIMP or
 * dropped, counted either way; a failing TCP connection is closed, a UDP socket never is.
 */
@ChannelHandler.Sharable
public final class DnsQueryHandler extends ChannelInboundHandlerAdapter {
    private static final int INITIAL_RESPONSE_BYTES = 512;

    private final Supplier<DnsView> view;
    private final Forwarder forwarder;
    private final LongAdder queries = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    public DnsQueryHandler(Supplier<DnsView> view, Forwarder forwarder) {
        this.view = view;
        this.forwarder = forwarder;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DatagramPacket packet) {
            try {
                handle(ctx, packet.content(), packet.sender(), ResponseKind.UDP);
            } finally {
                packet.release();
            }
        } else if (msg instanceof ByteBuf frame) {
            try {
                handle(ctx, frame, (InetSocketAddress) ctx.channel().remoteAddress(), ResponseKind.TCP);
            } finally {
                frame.release();
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        dropped.increment();
        if (ctx.channel().parent() != null) {
            ctx.close();
        }
    }

    long queries() {
        return queries.sum();
    }

    long dropped() {
        return dropped.sum();
    }

    long rejected() {
        return rejected.sum();
    }

    private void handle(ChannelHandlerContext ctx, ByteBuf message, InetSocketAddress client, ResponseKind kind) {
        queries.increment();
        switch (QueryParser.parse(message)) {
            case ParsedQuery.Dropped ignored -> dropped.increment();
            case ParsedQuery.Rejected rejection -> {
                rejected.increment();
                ByteBuf out = ctx.alloc().ioBuffer(12);
                ResponseWriter.writeRejected(out, rejection);
                send(ctx, out, client, kind);
            }
            case ParsedQuery.Valid valid -> answer(ctx, message, valid.query(), client, kind);
        }
    }

    private void answer(ChannelHandlerContext ctx, ByteBuf message, WireQuery query, InetSocketAddress client,
                        ResponseKind kind) {
        Answer answer = query.edns() != null && query.edns().version() != 0
                ? Answer.Local.error(DnsResponseCode.BADVERS_OR_BADSIG)
                : Responder.answer(view.get(), query.question(), client.getAddress());
        switch (answer) {
            case Answer.Local local -> {
                ByteBuf out = ctx.alloc().ioBuffer(INITIAL_RESPONSE_BYTES);
                int limit = kind == ResponseKind.UDP ? query.udpLimit() : ResponseWriter.MAX_TCP_MESSAGE;
                ResponseWriter.write(out, message, query, local, limit);
                send(ctx, out, client, kind);
            }
            case Answer.Forward forward -> forwarder.forward(message.copy(), query, forward.upstreams(),
                    new Client(ctx.channel(), client));
        }
    }

    /** Queues a response; {@link #channelReadComplete} flushes a whole read batch with one call. */
    private void send(ChannelHandlerContext ctx, ByteBuf out, InetSocketAddress client, ResponseKind kind) {
        if (kind == ResponseKind.UDP) {
            if (ctx.channel().isWritable()) {
                ctx.write(new DatagramPacket(out, client), ctx.voidPromise());
            } else {
                // The socket's send buffer is full: the answer goes the way of a lost packet.
                dropped.increment();
                out.release();
            }
            return;
        }
        ctx.write(out, ctx.voidPromise());
        if (!ctx.channel().isWritable()) {
            // A client that sends queries but does not read its answers is not read either until
            // it catches up, so its backlog stays bounded; the idle timeout ends it if it never does.
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    private enum ResponseKind { UDP, TCP }
}
