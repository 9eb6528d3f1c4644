package io.jcompose.dns.forward;

import io.netty.buffer.ByteBuf;

/** Reads the few header fields of an upstream's answer that forwarding decides on. */
final class UpstreamAnswer {
    private static final int HEADER = 12;

    private UpstreamAnswer() {
    }

    static int code(ByteBuf answer) {
        return answer.getUnsignedByte(answer.readerIndex() + 3) & 0xf;
    }

    static boolean truncated(ByteBuf answer) {
        return (answer.getUnsignedByte(answer.readerIndex() + 2) & 0x02) != 0;
    }

    /**
     * Whether an answer is a response to our query: QR set, one question, and the same question
     * bytes (compared without case, as some servers do not echo 0x20-mixed case).
     */
    static boolean matches(ByteBuf answer, ByteBuf query, int questionEnd) {
        int a = answer.readerIndex();
        int q = query.readerIndex();
        if (answer.readableBytes() < questionEnd || (answer.getUnsignedByte(a + 2) & 0x80) == 0
                || answer.getUnsignedShort(a + 4) != 1) {
            return false;
        }
        for (int i = HEADER; i < questionEnd; i++) {
            int x = answer.getUnsignedByte(a + i);
            int y = query.getUnsignedByte(q + i);
            if (x != y && lower(x) != lower(y)) {
                return false;
            }
        }
        return true;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
