package io.jcompose.network.ipam;

import io.jcompose.network.NetworkException;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.IpFamily;
import io.jcompose.network.address.Subnet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Picks a free subnet from the default pools: the first one, in pool order, that overlaps none of
 * the {@code taken} subnets (the host's routes and the other networks'). When a candidate collides
 * with a larger taken subnet, the search jumps past that subnet instead of walking through it, so
 * an IPv6 pool of 65 536 /64s stays cheap.
 */
public final class SubnetAllocator {

    private SubnetAllocator() {
    }

    public static Optional<Subnet> allocate(List<SubnetPool> pools, IpFamily family, Collection<Subnet> taken) {
        for (SubnetPool pool : pools) {
            if (pool.family() != family) {
                continue;
            }
            Subnet candidate = pool.first();
            while (candidate != null && pool.base().contains(candidate)) {
                Optional<Subnet> clash = firstOverlap(candidate, taken);
                if (clash.isEmpty()) {
                    return Optional.of(candidate);
                }
                candidate = after(clash.get().last().compareTo(candidate.last()) > 0 ? clash.get().last() : candidate.last(),
                        pool.size());
            }
        }
        return Optional.empty();
    }

    /** Allocates or fails with the error Docker users know, plus how to get out of it. */
    public static Subnet allocateOrFail(List<SubnetPool> pools, IpFamily family, Collection<Subnet> taken) {
        return allocate(pools, family, taken).orElseThrow(() -> NetworkException.precondition(
                "all " + (family == IpFamily.V4 ? "IPv4" : "IPv6")
                        + " subnets of the default address pools are in use or overlap a route of this host",
                "remove unused networks, set ipam.config[].subnet explicitly, or add a pool to the agent's configuration"));
    }

    private static Optional<Subnet> firstOverlap(Subnet candidate, Collection<Subnet> taken) {
        for (Subnet t : taken) {
            if (t.overlaps(candidate)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The subnet of prefix {@code size} that starts right after {@code address}, or null past the end. */
    private static Subnet after(IpAddress address, int size) {
        IpAddress start = address.value().add(java.math.BigInteger.ONE).bitLength() > address.family().bits()
                ? null : address.plus(1);
        return start == null ? null : Subnet.containing(start, size);
    }
}
