package io.jcompose.dns.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes DNS queries byte by byte, independently of the code under test, including the broken
 * ones a parser must survive.
 */
public final class QueryBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private QueryBytes() {
    }

    /** A standard query: header with RD, one question, and an OPT record when {@code ednsSize > 0}. */
    public static byte[] query(int id, String name, int type, int ednsSize) {
        QueryBytes q = new QueryBytes().header(id, 0x0100, 1, 0, 0, ednsSize > 0 ? 1 : 0).name(name).u16(type).u16(1);
        if (ednsSize > 0) {
            q.opt(ednsSize, 0, false);
        }
        return q.bytes();
    }

    public static QueryBytes start() {
        return new QueryBytes();
    }

    public QueryBytes header(int id, int flags, int questions, int answers, int authority, int additional) {
        return u16(id).u16(flags).u16(questions).u16(answers).u16(authority).u16(additional);
    }

    /** A name as labels; {@code "."} or {@code ""} is the root. */
    public QueryBytes name(String name) {
        for (String label : name.split("\\.")) {
            if (!label.isEmpty()) {
                byte[] bytes = label.getBytes(StandardCharsets.ISO_8859_1);
                out.write(bytes.length);
                out.writeBytes(bytes);
            }
        }
        out.write(0);
        return this;
    }

    public QueryBytes opt(int payload, int version, boolean dnssecOk) {
        out.write(0);
        u16(41).u16(payload);
        out.write(0);
        out.write(version);
        u16(dnssecOk ? 0x8000 : 0).u16(0);
        return this;
    }

    public QueryBytes u16(int value) {
        out.write(value >> 8);
        out.write(value);
        return this;
    }

    public QueryBytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
