package io.jcompose.dns.wire;

import io.jcompose.dns.answer.Question;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.nio.charset.StandardCharsets;

/**
 * Reads a DNS query from the bytes of one message (a UDP payload or one TCP frame), without
 * consuming them. It never follows a compression pointer: a question name is the first name in a
 * message and has nothing before it to point at, so a pointer there is malformed, and names in
 * the other sections are only skipped. No input can make it loop or read out of bounds.
 *
 * <p>Netty's query decoders are not used for this: they run every name through
 * {@link java.net.IDN#toASCII}, which rewrites non-ASCII labels and throws on some names, they
 * throw away the packet (which forwarding sends on) and they fail without the query ID, which a
 * FORMERR answer needs.
 */
public final class QueryParser {
    static final int HEADER = 12;
    private static final int QR = 0x8000;
    private static final int OPT = DnsRecordType.OPT.intValue();

    private QueryParser() {
    }

    public static ParsedQuery parse(ByteBuf message) {
        int base = message.readerIndex();
        int length = message.readableBytes();
        if (length < HEADER) {
            return new ParsedQuery.Dropped("shorter than a DNS header");
        }
        int id = message.getUnsignedShort(base);
        int flags = message.getUnsignedShort(base + 2);
        if ((flags & QR) != 0) {
            return new ParsedQuery.Dropped("a response, not a query");
        }
        int opcode = flags >> 11 & 0xf;
        if (opcode != 0) {
            return new ParsedQuery.Rejected(id, flags, DnsResponseCode.NOTIMP, "opcode " + opcode);
        }
        int questions = message.getUnsignedShort(base + 4);
        if (questions != 1) {
            return new ParsedQuery.Rejected(id, flags, DnsResponseCode.FORMERR, questions + " questions");
        }
        Reader reader = new Reader(message, base, length);
        String key = reader.questionName();
        if (reader.failure != null || !reader.has(4)) {
            return rejected(id, flags, reader.failure != null ? reader.failure : "question cut short");
        }
        int type = reader.u16();
        int dnsClass = reader.u16();
        int questionEnd = reader.at;
        int skipped = message.getUnsignedShort(base + 6) + message.getUnsignedShort(base + 8);
        for (int i = 0; i < skipped && reader.failure == null; i++) {
            reader.skipRecord();
        }
        Edns edns = null;
        int additional = message.getUnsignedShort(base + 10);
        for (int i = 0; i < additional && reader.failure == null; i++) {
            int recordStart = reader.at;
            reader.skipName();
            if (reader.failure != null || !reader.has(10)) {
                return rejected(id, flags, "additional record cut short");
            }
            int recordType = reader.u16();
            if (recordType == OPT) {
                if (edns != null || reader.at - recordStart != 3) {
                    return rejected(id, flags, edns != null ? "two OPT records" : "OPT record not owned by the root");
                }
                int payload = reader.u16();
                long ttl = reader.u32();
                edns = new Edns(payload, (int) (ttl >>> 16 & 0xff), (ttl & 0x8000) != 0);
                reader.skipData();
            } else {
                reader.at += 6;
                reader.skipData();
            }
        }
        if (reader.failure != null) {
            return rejected(id, flags, reader.failure);
        }
        Question question = new Question(key, DnsRecordType.valueOf(type), dnsClass, id, (flags & 0x0100) != 0);
        return new ParsedQuery.Valid(new WireQuery(id, flags, question, questionEnd, edns));
    }

    private static ParsedQuery rejected(int id, int flags, String reason) {
        return new ParsedQuery.Rejected(id, flags, DnsResponseCode.FORMERR, reason);
    }

    /** A cursor over one message; offsets are relative to the message start. Records the first failure. */
    private static final class Reader {
        private final ByteBuf buf;
        private final int base;
        private final int length;
        int at = HEADER;
        String failure;

        Reader(ByteBuf buf, int base, int length) {
            this.buf = buf;
            this.base = base;
            this.length = length;
        }

        boolean has(int bytes) {
            return at + bytes <= length;
        }

        int u8() {
            return buf.getUnsignedByte(base + at++);
        }

        int u16() {
            int value = buf.getUnsignedShort(base + at);
            at += 2;
            return value;
        }

        long u32() {
            long value = buf.getUnsignedInt(base + at);
            at += 4;
            return value;
        }

        /**
         * The question name as a lookup key (lower case, dots between labels, no trailing dot), or
         * null when a label holds a byte no name of ours has (outside printable ASCII, or a dot).
         */
        String questionName() {
            // The key is shorter than the name's wire form, which is at most what is left of the message.
            byte[] key = new byte[Math.min(255, length - at)];
            int keyLength = 0;
            boolean plain = true;
            int wireLength = 0;
            while (true) {
                if (!has(1)) {
                    failure = "question name cut short";
                    return null;
                }
                int labelLength = u8();
                wireLength += 1 + labelLength;
                if (labelLength == 0) {
                    break;
                }
                if ((labelLength & 0xc0) != 0) {
                    failure = (labelLength & 0xc0) == 0xc0 ? "compression pointer in the question" : "unknown label type";
                    return null;
                }
                if (wireLength > 255 || !has(labelLength)) {
                    failure = wireLength > 255 ? "question name longer than 255 bytes" : "question name cut short";
                    return null;
                }
                if (keyLength > 0) {
                    key[keyLength++] = '.';
                }
                for (int i = 0; i < labelLength; i++) {
                    int c = u8();
                    if (c >= 'A' && c <= 'Z') {
                        c += 'a' - 'A';
                    } else if (c <= ' ' || c >= 0x7f || c == '.') {
                        plain = false;
                    }
                    key[keyLength++] = (byte) c;
                }
            }
            return plain ? new String(key, 0, keyLength, StandardCharsets.ISO_8859_1) : null;
        }

        /** Skips a name in any section: labels up to the root label or up to a pointer, which ends a name. */
        void skipName() {
            while (failure == null) {
                if (!has(1)) {
                    failure = "name cut short";
                    return;
                }
                int labelLength = u8();
                if (labelLength == 0) {
                    return;
                }
                if ((labelLength & 0xc0) == 0xc0) {
                    if (!has(1)) {
                        failure = "pointer cut short";
                    }
                    at++;
                    return;
                }
                if ((labelLength & 0xc0) != 0 || !has(labelLength)) {
                    failure = "malformed name";
                    return;
                }
                at += labelLength;
            }
        }

        void skipRecord() {
            skipName();
            if (failure == null && !has(10)) {
                failure = "record cut short";
            }
            if (failure == null) {
                at += 8;
                skipData();
            }
        }

        /** Skips RDLENGTH and the data it announces; {@code at} must be on RDLENGTH. */
        void skipData() {
            if (!has(2)) {
                failure = "record cut short";
                return;
            }
            int dataLength = u16();
            if (!has(dataLength)) {
                failure = "record data cut short";
                return;
            }
            at += dataLength;
        }
    }
}
