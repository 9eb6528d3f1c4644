package io.jcompose.dns.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.dns.testing.QueryBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryParserTest {
    @Test
    void readsAPlainQuery() {
        byte[] bytes = QueryBytes.query(0xbeef, "Web.Shop_Front.", DnsRecordType.AAAA.intValue(), 0);
        WireQuery query = valid(bytes);
        assertThat(query.id()).isEqualTo(0xbeef);
        assertThat(query.recursionDesired()).isTrue();
        assertThat(query.question().key()).isEqualTo("web.shop_front");
        assertThat(query.question().type()).isEqualTo(DnsRecordType.AAAA);
        assertThat(query.question().dnsClass()).isEqualTo(1);
        assertThat(query.questionEnd()).isEqualTo(bytes.length);
        assertThat(query.edns()).isNull();
        assertThat(query.udpLimit()).isEqualTo(512);
    }

    @Test
    void readsTheOptRecord() {
        byte[] bytes = QueryBytes.start().header(1, 0x0100, 1, 0, 0, 1).name("web").u16(1).u16(1)
                .opt(1232, 0, true).bytes();
        WireQuery query = valid(bytes);
        assertThat(query.edns()).isEqualTo(new Edns(1232, 0, true));
        assertThat(query.udpLimit()).isEqualTo(1232);
        assertThat(query.questionEnd()).isEqualTo(12 + 5 + 4);
    }

    @Test
    void smallAndHugePayloadSizesAreBounded() {
        assertThat(valid(QueryBytes.query(1, "web", 1, 100)).udpLimit()).isEqualTo(512);
        assertThat(valid(QueryBytes.query(1, "web", 1, 65000)).udpLimit()).isEqualTo(ResponseWriter.MAX_UDP_PAYLOAD);
    }

    @Test
    void theRootIsTheEmptyKey() {
        assertThat(valid(QueryBytes.query(1, ".", 2, 0)).question().key()).isEmpty();
    }

    @Test
    void bytesNoNameOfOursHasGiveNoKey() {
        byte[] bytes = QueryBytes.start().header(1, 0x0100, 1, 0, 0, 0).raw(3, 'a', 0xe9, 'b', 0).u16(1).u16(1).bytes();
        assertThat(valid(bytes).question().key()).isNull();
        byte[] dotted = QueryBytes.start().header(1, 0x0100, 1, 0, 0, 0).raw(3, 'a', '.', 'b', 0).u16(1).u16(1).bytes();
        assertThat(valid(dotted).question().key()).isNull();
    }

    @Test
    void recordsInOtherSectionsAreSkippedWithoutFollowingPointers() {
        byte[] bytes = QueryBytes.start().header(1, 0x0100, 1, 1, 0, 2).name("web").u16(1).u16(1)
                .raw(0xc0, 0x0c).u16(1).u16(1).u16(0).u16(5).u16(4).raw(1, 2, 3, 4)
                .raw(0xc0, 0x0c).u16(16).u16(1).u16(0).u16(0).u16(0)
                .opt(4096, 0, false).bytes();
        assertThat(valid(bytes).edns()).isEqualTo(new Edns(4096, 0, false));
    }

    static Stream<Arguments> unservable() {
        byte[] valid = QueryBytes.query(7, "web", 1, 0);
        return Stream.of(
                Arguments.of("empty", new byte[0], null),
                Arguments.of("11 bytes", Arrays.copyOf(valid, 11), null),
                Arguments.of("a response", QueryBytes.start().header(7, 0x8100, 1, 0, 0, 0).name("web").u16(1).u16(1).bytes(), null),
                Arguments.of("IQUERY", QueryBytes.start().header(7, 0x0800, 1, 0, 0, 0).name("web").u16(1).u16(1).bytes(), DnsResponseCode.NOTIMP),
                Arguments.of("STATUS", QueryBytes.start().header(7, 0x1000, 0, 0, 0, 0).bytes(), DnsResponseCode.NOTIMP),
                Arguments.of("NOTIFY", QueryBytes.start().header(7, 0x2000, 1, 0, 0, 0).name("web").u16(6).u16(1).bytes(), DnsResponseCode.NOTIMP),
                Arguments.of("UPDATE", QueryBytes.start().header(7, 0x2800, 1, 0, 0, 0).name("web").u16(6).u16(1).bytes(), DnsResponseCode.NOTIMP),
                Arguments.of("no question", QueryBytes.start().header(7, 0x0100, 0, 0, 0, 0).bytes(), DnsResponseCode.FORMERR),
                Arguments.of("two questions", QueryBytes.start().header(7, 0x0100, 2, 0, 0, 0).name("a").u16(1).u16(1).name("b").u16(1).u16(1).bytes(), DnsResponseCode.FORMERR),
                Arguments.of("header only", Arrays.copyOf(valid, 12), DnsResponseCode.FORMERR),
                Arguments.of("pointer loop in the question", QueryBytes.start().header(7, 0x0100, 1, 0, 0, 0).raw(0xc0, 0x0c).u16(1).u16(1).bytes(), DnsResponseCode.FORMERR),
                Arguments.of("pointer forward", QueryBytes.start().header(7, 0x0100, 1, 0, 0, 0).raw(1, 'a', 0xc0, 0x10, 0).u16(1).u16(1).bytes(), DnsResponseCode.FORMERR),
                Arguments.of("label past the end", QueryBytes.start().header(7, 0x0100, 1, 0, 0, 0).raw(9, 'a', 'b').bytes(), DnsResponseCode.FORMERR),
                Arguments.of("no type", QueryBytes.start().header(7, 0x0100, 1, 0, 0, 0).name("web").raw(0).bytes(), DnsResponseCode.FORMERR),
                Arguments.of("extended label type", QueryBytes.start().header(7, 0x0100, 1, 0, 0, 0).raw(0x41, 0).u16(1).u16(1).bytes(), DnsResponseCode.FORMERR),
                Arguments.of("name over 255 bytes", QueryBytes.start().header(7, 0x0100, 1, 0, 0, 0).name(("a".repeat(63) + ".").repeat(5)).u16(1).u16(1).bytes(), DnsResponseCode.FORMERR),
                Arguments.of("announced record missing", QueryBytes.start().header(7, 0x0100, 1, 0, 0, 1).name("web").u16(1).u16(1).bytes(), DnsResponseCode.FORMERR),
                Arguments.of("record data past the end", QueryBytes.start().header(7, 0x0100, 1, 1, 0, 0).name("web").u16(1).u16(1).raw(0).u16(1).u16(1).u16(0).u16(0).u16(40).raw(1).bytes(), DnsResponseCode.FORMERR),
                Arguments.of("two OPT records", QueryBytes.start().header(7, 0x0100, 1, 0, 0, 2).name("web").u16(1).u16(1).opt(1232, 0, false).opt(1232, 0, false).bytes(), DnsResponseCode.FORMERR),
                Arguments.of("OPT not at the root", QueryBytes.start().header(7, 0x0100, 1, 0, 0, 1).name("web").u16(1).u16(1).name("x").u16(41).u16(1232).u16(0).u16(0).u16(0).bytes(), DnsResponseCode.FORMERR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unservable")
    void unservableMessagesAreRejectedOrDropped(String what, byte[] bytes, DnsResponseCode code) {
        ParsedQuery parsed = QueryParser.parse(Unpooled.wrappedBuffer(bytes));
        if (code == null) {
            assertThat(parsed).isInstanceOf(ParsedQuery.Dropped.class);
        } else {
            assertThat(parsed).isInstanceOfSatisfying(ParsedQuery.Rejected.class, r -> {
                assertThat(r.code()).isEqualTo(code);
                assertThat(r.id()).isEqualTo(7);
            });
        }
    }

    /** Random bytes and random corruptions of real queries: the parser answers, it never throws or reads past the end. */
    @Test
    void survivesAnyInput() {
        Random random = new Random(20260101);
        byte[] base = QueryBytes.start().header(1, 0x0100, 1, 1, 0, 1).name("web.shop_front").u16(1).u16(1)
                .raw(0xc0, 0x0c).u16(1).u16(1).u16(0).u16(5).u16(4).raw(1, 2, 3, 4).opt(1232, 0, true).bytes();
        for (int i = 0; i < 50_000; i++) {
            byte[] bytes;
            if (i % 2 == 0) {
                bytes = new byte[random.nextInt(80)];
                random.nextBytes(bytes);
            } else {
                bytes = Arrays.copyOf(base, random.nextInt(base.length + 1));
                for (int flips = random.nextInt(4); flips >= 0 && bytes.length > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            ByteBuf buf = Unpooled.wrappedBuffer(bytes);
            ParsedQuery parsed = QueryParser.parse(buf);
            assertThat(parsed).isNotNull();
            assertThat(buf.readerIndex()).isZero();
            if (parsed instanceof ParsedQuery.Valid valid) {
                assertThat(valid.query().questionEnd()).isLessThanOrEqualTo(bytes.length);
            }
        }
    }

    private static WireQuery valid(byte[] bytes) {
        ParsedQuery parsed = QueryParser.parse(Unpooled.wrappedBuffer(bytes));
        assertThat(parsed).isInstanceOf(ParsedQuery.Valid.class);
        return ((ParsedQuery.Valid) parsed).query();
    }
}
