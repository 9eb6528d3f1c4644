package io.jcompose.dns.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsResponseDecoder;
import io.netty.handler.codec.dns.DnsPtrRecord;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A response as tests compare it, decoded by Netty's DNS decoder (not by the code under test).
 *
 * @param answers   A/AAAA as addresses, PTR as target names, others as their type name
 * @param authority the types in the authority section
 */
public record Reply(int id, int code, boolean authoritative, boolean truncated, boolean recursionAvailable,
                    boolean recursionDesired, String question, List<String> answers, List<String> authority,
                    List<DnsRecordType> additional, int size, byte[] bytes) {
    private static final InetSocketAddress NOWHERE = new InetSocketAddress("127.0.0.1", 1);

    public static Reply decode(byte[] bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(new DatagramDnsResponseDecoder());
        try {
            channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(bytes), NOWHERE, NOWHERE));
            DnsResponse response = channel.readInbound();
            try {
                return new Reply(response.id(), response.code().intValue(), response.isAuthoritativeAnswer(),
                        response.isTruncated(), response.isRecursionAvailable(), response.isRecursionDesired(),
                        response.count(DnsSection.QUESTION) == 0 ? null
                                : response.recordAt(DnsSection.QUESTION).name(),
                        texts(response, DnsSection.ANSWER), types(response, DnsSection.AUTHORITY),
                        records(response, DnsSection.ADDITIONAL).stream().map(DnsRecord::type).toList(),
                        bytes.length, bytes);
            } finally {
                response.release();
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    public boolean hasOpt() {
        return additional.contains(DnsRecordType.OPT);
    }

    private static List<String> texts(DnsResponse response, DnsSection section) {
        List<String> out = new ArrayList<>();
        for (DnsRecord record : records(response, section)) {
            if (record instanceof DnsPtrRecord ptr) {
                out.add(ptr.hostname());
            } else if (record instanceof DnsRawRecord raw
                    && (record.type() == DnsRecordType.A || record.type() == DnsRecordType.AAAA)) {
                out.add(address(raw.content()));
            } else {
                out.add(record.type().name());
            }
        }
        return out;
    }

    private static List<String> types(DnsResponse response, DnsSection section) {
        return records(response, section).stream().map(r -> r.type().name()).toList();
    }

    private static List<DnsRecord> records(DnsResponse response, DnsSection section) {
        List<DnsRecord> out = new ArrayList<>();
        for (int i = 0; i < response.count(section); i++) {
            out.add(response.recordAt(section, i));
        }
        return out;
    }

    private static String address(ByteBuf content) {
        try {
            return InetAddress.getByAddress(ByteBufUtil.getBytes(content)).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
