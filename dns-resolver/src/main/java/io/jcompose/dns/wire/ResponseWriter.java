package io.jcompose.dns.wire;

import io.jcompose.dns.answer.Answer;
import io.jcompose.dns.view.DnsNames;
import io.jcompose.dns.view.ResourceRecord;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.io.ByteArrayOutputStream;

/**
 * Writes responses in wire format, sized to what the client can take. Netty's encoder has neither
 * name compression nor truncation, and both decide how many replicas fit in a UDP answer, so the
 * bytes are laid out here:
 * <ul>
 * <li>the question is copied from the query, byte for byte;</li>
 * <li>every answer is owned by the question's name, written as a pointer to offset 12 (2 bytes);</li>
 * <li>records are added while they fit in the limit (room kept for our OPT); what does not fit
 *     is left out and TC is set, so the client asks again over TCP, where the limit is 65535;</li>
 * <li>a query with an OPT record gets our own OPT back (payload size {@value #OUR_UDP_PAYLOAD},
 *     the extended RCODE, the client's DO bit).</li>
 * </ul>
 */
public final class ResponseWriter {
    /** The UDP payload size we announce: the DNS Flag Day 2020 value, safe from fragmentation. */
    public static final int OUR_UDP_PAYLOAD = 1232;
    /** The largest UDP response we send, whatever size a client announces. */
    public static final int MAX_UDP_PAYLOAD = 4096;
    /** The largest message over TCP, where a 16-bit length prefixes each message. */
    public static final int MAX_TCP_MESSAGE = 65535;

    private static final int QR = 0x8000;
    private static final int AA = 0x0400;
    private static final int TC = 0x0200;
    private static final int RD = 0x0100;
    private static final int RA = 0x0080;
    private static final int CD = 0x0010;
    private static final int OPT_SIZE = 11;
    private static final int POINTER_TO_QUESTION = 0xc000 | QueryParser.HEADER;
    private static final byte[] SOA = soa();

    private ResponseWriter() {
    }

    /**
     * Writes the response to a valid query at {@code out}'s writer index.
     *
     * @param query the message the query came in, reader index at its start (the question is copied from it)
     * @param limit the most bytes the response may take: {@link WireQuery#udpLimit()} or {@link #MAX_TCP_MESSAGE}
     */
    public static void write(ByteBuf out, ByteBuf query, WireQuery parsed, Answer.Local answer, int limit) {
        write(out, query, parsed, answer, limit, false);
    }

    /**
     * Writes an empty response with TC set: for a forwarded answer bigger than the client can
     * take over UDP, which the client then asks for over TCP.
     */
    public static void writeTruncated(ByteBuf out, ByteBuf query, WireQuery parsed, DnsResponseCode code) {
        write(out, query, parsed, Answer.Local.error(code), parsed.udpLimit(), true);
    }

    /** Writes the header-only answer to a query we reject (FORMERR, NOTIMP). */
    public static void writeRejected(ByteBuf out, ParsedQuery.Rejected rejected) {
        out.writeShort(rejected.id());
        out.writeShort(QR | rejected.flags() & (0x7800 | RD | CD) | rejected.code().intValue() & 0xf);
        out.writeZero(8);
    }

    private static void write(ByteBuf out, ByteBuf query, WireQuery parsed, Answer.Local answer, int limit,
                              boolean forceTruncated) {
        int start = out.writerIndex();
        out.writeZero(QueryParser.HEADER);
        out.writeBytes(query, query.readerIndex() + QueryParser.HEADER, parsed.questionEnd() - QueryParser.HEADER);
        int budget = limit - parsed.questionEnd() - (parsed.edns() != null ? OPT_SIZE : 0);
        boolean truncated = forceTruncated;
        int answers = 0;
        for (ResourceRecord record : answer.records()) {
            int size = 12 + record.rdata().length;
            if (size > budget) {
                truncated = true;
                break;
            }
            writeRecord(out, record.type().intValue(), answer.ttlSeconds(), record.rdata());
            budget -= size;
            answers++;
        }
        int authority = 0;
        if (answer.withSoa() && !truncated) {
            if (12 + SOA.length <= budget) {
                writeRecord(out, DnsRecordType.SOA.intValue(), answer.ttlSeconds(), SOA);
                authority = 1;
            } else {
                truncated = true;
            }
        }
        int code = answer.code().intValue();
        if (parsed.edns() != null) {
            out.writeByte(0);
            out.writeShort(DnsRecordType.OPT.intValue());
            out.writeShort(OUR_UDP_PAYLOAD);
            out.writeByte(code >> 4);
            out.writeByte(0);
            out.writeShort(parsed.edns().dnssecOk() ? 0x8000 : 0);
            out.writeShort(0);
        }
        int flags = QR | parsed.flags() & (RD | CD) | code & 0xf;
        if (answer.authoritative()) {
            flags |= AA;
        }
        if (answer.recursionAvailable()) {
            flags |= RA;
        }
        if (truncated) {
            flags |= TC;
        }
        out.setShort(start, parsed.id());
        out.setShort(start + 2, flags);
        out.setShort(start + 4, 1);
        out.setShort(start + 6, answers);
        out.setShort(start + 8, authority);
        out.setShort(start + 10, parsed.edns() != null ? 1 : 0);
    }

    private static void writeRecord(ByteBuf out, int type, int ttl, byte[] rdata) {
        out.writeShort(POINTER_TO_QUESTION);
        out.writeShort(type);
        out.writeShort(DnsRecord.CLASS_IN);
        out.writeInt(ttl);
        out.writeShort(rdata.length);
        out.writeBytes(rdata);
    }

    /**
     * The SOA of our names. Its MINIMUM, the TTL of negative answers (RFC 2308), is 0: a name that
     * does not exist yet is usually a container still starting, and must resolve the moment it is up.
     */
    private static byte[] soa() {
        ByteArrayOutputStream rdata = new ByteArrayOutputStream();
        rdata.writeBytes(DnsNames.wire("ns.jcompose"));
        rdata.writeBytes(DnsNames.wire("hostmaster.jcompose"));
        for (int value : new int[] {1, 3600, 600, 86400, 0}) {
            rdata.write(value >>> 24);
            rdata.write(value >>> 16);
            rdata.write(value >>> 8);
            rdata.write(value);
        }
        return rdata.toByteArray();
    }
}
