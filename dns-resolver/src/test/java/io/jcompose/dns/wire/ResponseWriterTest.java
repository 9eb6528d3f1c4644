package io.jcompose.dns.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.dns.answer.Answer;
import io.jcompose.dns.testing.QueryBytes;
import io.jcompose.dns.view.ResourceRecord;
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
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our responses, read back by Netty's own DNS decoder: an independent check of the wire format. */
class ResponseWriterTest {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 5353);
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.2", 53);

    @Test
    void answersAreOwnedByTheQuestionThroughAPointer() {
        byte[] query = QueryBytes.query(0x4242, "Web.Shop_Front", 1, 0);
        DnsResponse response = roundTrip(query, local(DnsResponseCode.NOERROR, addresses(3), false), 512);
        try {
            assertThat(response.id()).isEqualTo(0x4242);
            assertThat(response.code()).isEqualTo(DnsResponseCode.NOERROR);
            assertThat(response.isAuthoritativeAnswer()).isTrue();
            assertThat(response.isRecursionAvailable()).isTrue();
            assertThat(response.isRecursionDesired()).isTrue();
            assertThat(response.isTruncated()).isFalse();
            assertThat(response.count(DnsSection.ANSWER)).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                DnsRawRecord record = response.recordAt(DnsSection.ANSWER, i);
                assertThat(record.name()).isEqualTo("Web.Shop_Front.");
                assertThat(record.type()).isEqualTo(DnsRecordType.A);
                assertThat(record.timeToLive()).isEqualTo(5);
                assertThat(ByteBufUtil.getBytes(record.content())).containsExactly(10, 0, 0, 1 + i);
            }
            assertThat(response.count(DnsSection.AUTHORITY)).isZero();
            assertThat(response.count(DnsSection.ADDITIONAL)).isZero();
        } finally {
            response.release();
        }
    }

    @Test
    void theQuestionIsEchoedByteForByte() {
        byte[] query = QueryBytes.query(1, "wEb.ShOp_FrOnT", 1, 1232);
        ByteBuf out = Unpooled.buffer();
        WireQuery parsed = parse(query);
        ResponseWriter.write(out, Unpooled.wrappedBuffer(query), parsed, local(DnsResponseCode.NOERROR, addresses(1), false), 512);
        byte[] response = ByteBufUtil.getBytes(out);
        assertThat(Arrays.copyOfRange(response, 12, parsed.questionEnd()))
                .containsExactly(Arrays.copyOfRange(query, 12, parsed.questionEnd()));
    }

    @Test
    void noDataCarriesASoaOwnedByTheName() {
        DnsResponse response = roundTrip(QueryBytes.query(9, "web", 28, 0), local(DnsResponseCode.NOERROR, List.of(), true), 512);
        try {
            assertThat(response.code()).isEqualTo(DnsResponseCode.NOERROR);
            assertThat(response.count(DnsSection.ANSWER)).isZero();
            assertThat(response.count(DnsSection.AUTHORITY)).isEqualTo(1);
            DnsRawRecord soa = response.recordAt(DnsSection.AUTHORITY, 0);
            assertThat(soa.type()).isEqualTo(DnsRecordType.SOA);
            assertThat(soa.name()).isEqualTo("web.");
            ByteBuf data = soa.content();
            // MNAME and RNAME, then SERIAL REFRESH RETRY EXPIRE MINIMUM; MINIMUM 0: negative answers are not cached.
            assertThat(data.getInt(data.writerIndex() - 4)).isZero();
        } finally {
            response.release();
        }
    }

    @Test
    void nxdomainKeepsItsCode() {
        DnsResponse response = roundTrip(QueryBytes.query(9, "nosuch", 1, 0), local(DnsResponseCode.NXDOMAIN, List.of(), true), 512);
        try {
            assertThat(response.code()).isEqualTo(DnsResponseCode.NXDOMAIN);
            assertThat(response.count(DnsSection.AUTHORITY)).isEqualTo(1);
        } finally {
            response.release();
        }
    }

    @Test
    void pointerRecordsCarryTheirTargetName() {
        DnsResponse response = roundTrip(QueryBytes.query(3, "12.1.10.10.in-addr.arpa", 12, 0),
                local(DnsResponseCode.NOERROR, List.of(ResourceRecord.pointer("shop-web-2.shop_front")), false), 512);
        try {
            DnsPtrRecord ptr = response.recordAt(DnsSection.ANSWER, 0);
            assertThat(ptr.hostname()).isEqualTo("shop-web-2.shop_front.");
        } finally {
            response.release();
        }
    }

    /** 100 replicas: 16 bytes each with compression; what fits goes out, TC says there is more. */
    @ParameterizedTest(name = "EDNS {0}, limit {1}: {2} records, TC {3}")
    @CsvSource(textBlock = """
            0,    512,   30,  true
            1232, 1232,  75,  true
            4096, 4096,  100, false
            0,    65535, 100, false
            """)
    void answersAreCutToTheClientsLimit(int edns, int limit, int expectedRecords, boolean truncated) {
        byte[] query = QueryBytes.query(5, "web", 1, edns);
        WireQuery parsed = parse(query);
        ByteBuf out = Unpooled.buffer();
        ResponseWriter.write(out, Unpooled.wrappedBuffer(query), parsed, local(DnsResponseCode.NOERROR, addresses(100), false), limit);
        assertThat(out.readableBytes()).isLessThanOrEqualTo(limit);
        DnsResponse response = decode(out);
        try {
            assertThat(response.count(DnsSection.ANSWER)).isEqualTo(expectedRecords);
            assertThat(response.isTruncated()).isEqualTo(truncated);
            assertThat(response.count(DnsSection.ADDITIONAL)).isEqualTo(edns > 0 ? 1 : 0);
        } finally {
            response.release();
        }
    }

    @Test
    void ednsQueriesGetOurOptWithTheirDoBit() {
        byte[] query = QueryBytes.start().header(1, 0x0100, 1, 0, 0, 1).name("web").u16(1).u16(1).opt(4096, 0, true).bytes();
        DnsResponse response = roundTrip(query, local(DnsResponseCode.NOERROR, addresses(1), false), 4096);
        try {
            DnsRecord opt = response.recordAt(DnsSection.ADDITIONAL, 0);
            assertThat(opt.type()).isEqualTo(DnsRecordType.OPT);
            assertThat(opt.dnsClass()).isEqualTo(ResponseWriter.OUR_UDP_PAYLOAD);
            assertThat(opt.timeToLive()).isEqualTo(0x8000L);
        } finally {
            response.release();
        }
    }

    @Test
    void badVersionSplitsItsCodeBetweenHeaderAndOpt() {
        byte[] query = QueryBytes.start().header(1, 0x0100, 1, 0, 0, 1).name("web").u16(1).u16(1).opt(1232, 1, false).bytes();
        ByteBuf out = Unpooled.buffer();
        ResponseWriter.write(out, Unpooled.wrappedBuffer(query), parse(query),
                Answer.Local.error(DnsResponseCode.BADVERS_OR_BADSIG), 512);
        byte[] bytes = ByteBufUtil.getBytes(out);
        assertThat(bytes[3] & 0xf).isZero();
        int opt = bytes.length - 11;
        assertThat(bytes[opt + 5] & 0xff).as("extended RCODE").isEqualTo(1);
    }

    @Test
    void rejectedQueriesGetAHeaderWithTheirIdAndOpcode() {
        ByteBuf out = Unpooled.buffer();
        ResponseWriter.writeRejected(out, new ParsedQuery.Rejected(0x1234, 0x2100, DnsResponseCode.NOTIMP, "NOTIFY"));
        assertThat(ByteBufUtil.getBytes(out)).containsExactly(0x12, 0x34, 0xa1, 0x04, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void truncatedRelaysKeepOnlyTheQuestion() {
        byte[] query = QueryBytes.query(77, "big.example", 1, 0);
        ByteBuf out = Unpooled.buffer();
        ResponseWriter.writeTruncated(out, Unpooled.wrappedBuffer(query), parse(query), DnsResponseCode.NOERROR);
        DnsResponse response = decode(out);
        try {
            assertThat(response.isTruncated()).isTrue();
            assertThat(response.id()).isEqualTo(77);
            assertThat(response.count(DnsSection.QUESTION)).isEqualTo(1);
            assertThat(response.count(DnsSection.ANSWER)).isZero();
        } finally {
            response.release();
        }
    }

    private static Answer.Local local(DnsResponseCode code, List<ResourceRecord> records, boolean soa) {
        return new Answer.Local(code, true, true, 5, records, soa);
    }

    private static List<ResourceRecord> addresses(int count) {
        List<ResourceRecord> records = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            records.add(ResourceRecord.address(InetAddress.ofLiteral("10.0." + i / 256 + "." + i % 256)));
        }
        return records;
    }

    private static WireQuery parse(byte[] query) {
        return ((ParsedQuery.Valid) QueryParser.parse(Unpooled.wrappedBuffer(query))).query();
    }

    private static DnsResponse roundTrip(byte[] query, Answer.Local answer, int limit) {
        ByteBuf out = Unpooled.buffer();
        ResponseWriter.write(out, Unpooled.wrappedBuffer(query), parse(query), answer, limit);
        return decode(out);
    }

    private static DnsResponse decode(ByteBuf bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(new DatagramDnsResponseDecoder());
        channel.writeInbound(new DatagramPacket(bytes, CLIENT, SERVER));
        DnsResponse response = channel.readInbound();
        channel.finishAndReleaseAll();
        return response;
    }
}
