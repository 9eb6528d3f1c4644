package io.jcompose.network.ipam;

import io.jcompose.network.Network;
import io.jcompose.network.NetworkException;
import io.jcompose.network.address.IpAddress;
import io.jcompose.network.address.IpFamily;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The addresses of one subnet of one network and who holds them. Immutable: every change returns a
 * new value, so a failed attach simply keeps the old one.
 *
 * <p>Never handed out: the network address, the IPv4 broadcast address, the gateway and the
 * {@code aux_addresses}. Dynamic addresses come from the pool's range and continue after the last
 * one handed out (wrapping around), as Docker does, so an address just released is not reused at
 * once while other containers may still cache it.
 */
public record AddressSpace(Network.Pool pool, Map<IpAddress, String> leases, Optional<IpAddress> last) {

    public AddressSpace {
        Objects.requireNonNull(pool, "pool");
        leases = Map.copyOf(leases);
        Objects.requireNonNull(last, "last");
    }

    public static AddressSpace of(Network.Pool pool) {
        return new AddressSpace(pool, Map.of(), Optional.empty());
    }

    public IpFamily family() {
        return pool.subnet().family();
    }

    /** The result of an allocation: the address and the space that records it. */
    public record Allocation(IpAddress address, AddressSpace space) {
    }

    /**
     * Leases {@code requested} (a static {@code ipv4_address}/{@code ipv6_address}) or the next free
     * address of the range to {@code owner}.
     */
    public Allocation allocate(String owner, Optional<IpAddress> requested) {
        IpAddress address = requested.map(this::checkStatic).orElseGet(this::nextFree);
        TreeMap<IpAddress, String> updated = new TreeMap<>(leases);
        updated.put(address, owner);
        return new Allocation(address, new AddressSpace(pool, updated, requested.isPresent() ? last : Optional.of(address)));
    }

    /** Releases every address leased to {@code owner}. */
    public AddressSpace release(String owner) {
        TreeMap<IpAddress, String> updated = new TreeMap<>(leases);
        updated.values().removeIf(owner::equals);
        return new AddressSpace(pool, updated, last);
    }

    public boolean isReserved(IpAddress address) {
        return address.equals(pool.subnet().network())
                || (family() == IpFamily.V4 && address.equals(pool.subnet().last()))
                || address.equals(pool.gateway())
                || pool.auxAddresses().containsValue(address);
    }

    private IpAddress checkStatic(IpAddress address) {
        String what = (family() == IpFamily.V4 ? "ipv4_address " : "ipv6_address ") + address;
        if (!pool.subnet().contains(address)) {
            throw NetworkException.invalid(what + " is not in the network's subnet " + pool.subnet(),
                    "choose an address within " + pool.subnet());
        }
        if (isReserved(address)) {
            throw NetworkException.conflict(what + " is reserved in " + pool.subnet()
                    + " (network address, broadcast, gateway or aux_addresses)", "choose another address");
        }
        String holder = leases.get(address);
        if (holder != null) {
            throw NetworkException.conflict(what + " is already in use by container " + holder,
                    "choose another address or remove the static address to get a free one");
        }
        return address;
    }

    private IpAddress nextFree() {
        BigInteger size = pool.range().size();
        BigInteger start = last.filter(pool.range()::contains)
                .map(a -> a.value().subtract(pool.range().network().value()).add(BigInteger.ONE))
                .orElse(BigInteger.ZERO);
        // Every step either finds a free address or passes a taken/reserved one, so the walk is
        // bounded by the number of those (plus one), or by the size of a small range.
        BigInteger bound = size.min(BigInteger.valueOf(leases.size() + pool.auxAddresses().size() + 4L));
        for (BigInteger step = BigInteger.ZERO; step.compareTo(bound) < 0; step = step.add(BigInteger.ONE)) {
            IpAddress candidate = pool.range().address(start.add(step).mod(size));
            if (!isReserved(candidate) && !leases.containsKey(candidate)) {
                return candidate;
            }
        }
        throw NetworkException.precondition("no free address left in " + pool.range() + " of subnet " + pool.subnet(),
                "remove containers from the network or give it a larger subnet or ip_range");
    }
}
