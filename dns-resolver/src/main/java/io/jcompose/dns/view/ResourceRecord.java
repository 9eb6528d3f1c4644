package io.jcompose.dns.view;

import io.netty.handler.codec.dns.DnsRecordType;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The data of one answer record, ready for the wire: the owner is always the name in the question
 * and the TTL is the view's, so a record is only its type and its RDATA. The view builds these once
 * per rebuild; answering a query copies bytes and computes nothing.
 */
public record ResourceRecord(DnsRecordType type, byte[] rdata) {
    public static ResourceRecord address(InetAddress address) {
        byte[] bytes = address.getAddress();
        return new ResourceRecord(bytes.length == 4 ? DnsRecordType.A : DnsRecordType.AAAA, bytes);
    }

    public static ResourceRecord pointer(String targetKey) {
        return new ResourceRecord(DnsRecordType.PTR, DnsNames.wire(targetKey));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceRecord other && type.equals(other.type) && Arrays.equals(rdata, other.rdata);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(rdata);
    }

    @Override
    public String toString() {
        return type.name() + " " + HexFormat.of().formatHex(rdata);
    }
}
