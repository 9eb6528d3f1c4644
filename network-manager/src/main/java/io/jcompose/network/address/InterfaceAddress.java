package io.jcompose.network.address;

import io.jcompose.network.NetworkException;
import java.util.Objects;

/** An address configured on an interface with its prefix length, as {@code ip addr} shows it: {@code 172.20.0.5/16}. */
public record InterfaceAddress(IpAddress address, int prefixLength) {

    public InterfaceAddress {
        Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > address.family().bits()) {
            throw NetworkException.invalid("prefix length /" + prefixLength + " is out of range for "
                    + address.family(), "use a prefix length from 0 to " + address.family().bits());
        }
    }

    public static InterfaceAddress parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw NetworkException.invalid("'" + text + "' is not an interface address",
                    "write it as ADDRESS/PREFIX, for example 172.20.0.5/16");
        }
        return new InterfaceAddress(IpAddress.parse(text.substring(0, slash)),
                Subnet.parsePrefix(text, text.substring(slash + 1)));
    }

    public static InterfaceAddress in(Subnet subnet, IpAddress address) {
        if (!subnet.contains(address)) {
            throw new IllegalArgumentException(address + " is not in " + subnet);
        }
        return new InterfaceAddress(address, subnet.prefixLength());
    }

    public Subnet subnet() {
        return Subnet.containing(address, prefixLength);
    }

    public IpFamily family() {
        return address.family();
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
