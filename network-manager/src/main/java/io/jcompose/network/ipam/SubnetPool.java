package io.jcompose.network.ipam;

import io.jcompose.network.NetworkException;
import io.jcompose.network.address.IpFamily;
import io.jcompose.network.address.Subnet;
import java.util.List;
import java.util.Objects;

/**
 * A default address pool: {@code base} is cut into subnets of prefix length {@code size}, like
 * Docker's {@code default-address-pools} entries ({@code {"base":"172.17.0.0/12","size":16}}).
 */
public record SubnetPool(Subnet base, int size) {

    public SubnetPool {
        Objects.requireNonNull(base, "base");
        int max = base.family() == IpFamily.V4 ? 30 : 126;
        if (size < base.prefixLength() || size > max) {
            throw NetworkException.invalid("pool " + base + " cannot be cut into /" + size + " subnets",
                    "use a size from " + base.prefixLength() + " to " + max);
        }
    }

    public static SubnetPool of(String base, int size) {
        return new SubnetPool(Subnet.parse(base), size);
    }

    /** Docker's defaults: 172.17–31.x.x/16, then 192.168.x.x/20; an IPv6 ULA /48 cut into /64s. */
    public static List<SubnetPool> defaults() {
        return List.of(of("172.17.0.0/16", 16), of("172.18.0.0/15", 16), of("172.20.0.0/14", 16),
                of("172.24.0.0/13", 16), of("192.168.0.0/16", 20), of("fd6a:636f:6d70::/48", 64));
    }

    public IpFamily family() {
        return base.family();
    }

    /** The first subnet of this pool. */
    Subnet first() {
        return new Subnet(base.network(), size);
    }
}
