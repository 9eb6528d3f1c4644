package io.jcompose.network.address;

/** IPv4 or IPv6, with the numbers the kernel tools and the arithmetic need. */
public enum IpFamily {
    V4(32, "ip", "ipv4", "inet"),
    V6(128, "ip6", "ipv6", "inet6");

    private final int bits;
    private final String nftPayload;
    private final String nftProto;
    private final String ipFamily;

    IpFamily(int bits, String nftPayload, String nftProto, String ipFamily) {
        this.bits = bits;
        this.nftPayload = nftPayload;
        this.nftProto = nftProto;
        this.ipFamily = ipFamily;
    }

    public int bits() {
        return bits;
    }

    public int bytes() {
        return bits / 8;
    }

    /** The nftables payload protocol: {@code ip} or {@code ip6} (as in {@code ip saddr}). */
    public String nftPayload() {
        return nftPayload;
    }

    /** The value of {@code meta nfproto}: {@code ipv4} or {@code ipv6}. */
    public String nftProto() {
        return nftProto;
    }

    /** The iproute2 family name: {@code inet} or {@code inet6}. */
    public String ipFamily() {
        return ipFamily;
    }
}
