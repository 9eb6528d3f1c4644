package io.jcompose.network.address;

import io.jcompose.network.NetworkException;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A network prefix such as {@code 172.20.0.0/16} or {@code fd00:1::/64}. The address is always the
 * network address: {@code 172.20.0.5/16} is refused at construction (as Docker refuses it), with the
 * corrected text as the fix.
 */
public record Subnet(IpAddress network, int prefixLength) implements Comparable<Subnet> {

    public Subnet {
        Objects.requireNonNull(network, "network");
        int bits = network.family().bits();
        if (prefixLength < 0 || prefixLength > bits) {
            throw NetworkException.invalid("prefix length /" + prefixLength + " is out of range for "
                    + network.family(), "use a prefix length from 0 to " + bits);
        }
        if (!network.value().and(hostMask(network.family(), prefixLength)).equals(BigInteger.ZERO)) {
            IpAddress fixed = new IpAddress(network.family(), network.value().andNot(hostMask(network.family(), prefixLength)));
            throw NetworkException.invalid("subnet " + network + "/" + prefixLength + " has host bits set",
                    "write " + fixed + "/" + prefixLength);
        }
    }

    public static Subnet parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw NetworkException.invalid("'" + text + "' is not a subnet in CIDR notation",
                    "write it as ADDRESS/PREFIX, for example 172.20.0.0/16");
        }
        IpAddress address = IpAddress.parse(text.substring(0, slash));
        return new Subnet(address, parsePrefix(text, text.substring(slash + 1)));
    }

    /** The subnet that contains {@code address} at the given prefix length. */
    public static Subnet containing(IpAddress address, int prefixLength) {
        BigInteger mask = hostMask(address.family(), prefixLength);
        return new Subnet(new IpAddress(address.family(), address.value().andNot(mask)), prefixLength);
    }

    static int parsePrefix(String whole, String text) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw NetworkException.invalid("'" + whole + "' has an invalid prefix length",
                    "write the prefix length as a number, for example /24");
        }
        return Integer.parseInt(text);
    }

    private static BigInteger hostMask(IpFamily family, int prefixLength) {
        return BigInteger.ONE.shiftLeft(family.bits() - prefixLength).subtract(BigInteger.ONE);
    }

    public IpFamily family() {
        return network.family();
    }

    /** The number of addresses in the subnet. */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(family().bits() - prefixLength);
    }

    /** The highest address (the broadcast address of an IPv4 subnet). */
    public IpAddress last() {
        return new IpAddress(family(), network.value().or(hostMask(family(), prefixLength)));
    }

    public boolean contains(IpAddress address) {
        return address.family() == family()
                && address.value().andNot(hostMask(family(), prefixLength)).equals(network.value());
    }

    public boolean contains(Subnet other) {
        return other.family() == family() && other.prefixLength >= prefixLength && contains(other.network);
    }

    public boolean overlaps(Subnet other) {
        return contains(other) || other.contains(this);
    }

    /** The address at {@code offset} from the network address. */
    public IpAddress address(BigInteger offset) {
        if (offset.signum() < 0 || offset.compareTo(size()) >= 0) {
            throw new IllegalArgumentException("offset " + offset + " is outside " + this);
        }
        return network.plus(offset);
    }

    /** The subnet of the same size that follows this one, or null at the end of the address space. */
    public Subnet next() {
        BigInteger next = network.value().add(size());
        return next.bitLength() > family().bits() ? null : new Subnet(new IpAddress(family(), next), prefixLength);
    }

    @Override
    public int compareTo(Subnet other) {
        int byNetwork = network.compareTo(other.network);
        return byNetwork != 0 ? byNetwork : Integer.compare(prefixLength, other.prefixLength);
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
