package io.jcompose.network.address;

import io.jcompose.network.NetworkException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** A unicast Ethernet address, written {@code 02:42:ac:14:00:05}. */
public record MacAddress(long value) {

    private static final HexFormat HEX = HexFormat.of();

    public MacAddress {
        if (value < 0 || value > 0xffff_ffff_ffffL) {
            throw new IllegalArgumentException("a MAC address has 48 bits");
        }
        if (((value >>> 40) & 1) == 1) {
            throw NetworkException.invalid("MAC address " + format(value) + " is a multicast address",
                    "clear the lowest bit of the first octet (for example 02:... instead of 03:...)");
        }
    }

    public static MacAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.strip().split("[:-]", -1);
        if (parts.length != 6) {
            throw invalid(text);
        }
        long v = 0;
        for (String part : parts) {
            if (part.length() != 2 || !HexFormat.isHexDigit(part.charAt(0)) || !HexFormat.isHexDigit(part.charAt(1))) {
                throw invalid(text);
            }
            v = (v << 8) | HexFormat.fromHexDigits(part);
        }
        return new MacAddress(v);
    }

    /**
     * The address Docker derives from an IPv4 address ({@code 02:42} + the four octets): a container
     * that gets an address someone else had gets the same MAC too, so stale ARP entries stay right.
     */
    public static MacAddress fromIpv4(IpAddress address) {
        if (!address.isV4()) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        return new MacAddress(0x0242_0000_0000L | address.value().longValue());
    }

    /** A random locally administered unicast address. */
    public static MacAddress random(RandomGenerator random) {
        long v = random.nextLong() & 0xffff_ffff_ffffL;
        v = (v & ~(0x01L << 40)) | (0x02L << 40);
        return new MacAddress(v);
    }

    @Override
    public String toString() {
        return format(value);
    }

    private static String format(long value) {
        StringBuilder out = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (shift != 40) {
                out.append(':');
            }
            out.append(HEX.toHexDigits((byte) (value >>> shift)));
        }
        return out.toString();
    }

    private static NetworkException invalid(String text) {
        return NetworkException.invalid("'" + text + "' is not a valid MAC address",
                "write six hexadecimal octets separated by colons, for example 02:42:ac:14:00:05");
    }
}
