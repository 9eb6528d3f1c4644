package io.jcompose.network.bridge;

import io.jcompose.network.address.IpFamily;
import io.jcompose.network.address.MacAddress;
import io.jcompose.network.ipam.AddressSpace;
import io.jcompose.network.link.IpBatch;
import io.jcompose.network.link.IpTool;
import io.jcompose.network.host.Sysctl;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Creates and removes the Linux bridge of a network. Creation is one {@code ip -batch}; when any
 * step fails, the bridge is deleted again before the error goes up, so a failed create leaves
 * nothing behind.
 */
public final class Bridges {

    private final IpTool ip;
    private final Sysctl sysctl;
    private final RandomGenerator random;

    public Bridges(IpTool ip, Sysctl sysctl, RandomGenerator random) {
        this.ip = ip;
        this.sysctl = sysctl;
        this.random = random;
    }

    /**
     * The batch that makes the bridge: a fixed MAC (a bridge otherwise takes the lowest MAC of its
     * ports, and the gateway's MAC would change under the containers' ARP caches), the MTU, the
     * gateway addresses ({@code nodad}: the address is ours, waiting for duplicate detection only
     * delays the DNS server that binds it), then up.
     */
    public IpBatch createBatch(String bridge, int mtu, List<AddressSpace> spaces, MacAddress mac) {
        IpBatch batch = new IpBatch();
        if (mtu > 0) {
            batch.line("link", "add", "name", bridge, "address", mac.toString(), "mtu", Integer.toString(mtu), "type", "bridge");
        } else {
            batch.line("link", "add", "name", bridge, "address", mac.toString(), "type", "bridge");
        }
        for (AddressSpace space : spaces) {
            String cidr = space.pool().gateway() + "/" + space.pool().subnet().prefixLength();
            if (space.family() == IpFamily.V6) {
                batch.line("addr", "add", cidr, "dev", bridge, "nodad");
            } else {
                batch.line("addr", "add", cidr, "dev", bridge);
            }
        }
        batch.line("link", "set", bridge, "up");
        return batch;
    }

    public void create(String bridge, int mtu, List<AddressSpace> spaces) {
        try {
            ip.apply("create bridge " + bridge, createBatch(bridge, mtu, spaces, MacAddress.random(random)));
            // Published ports answer on the host's 127.0.0.1: the kernel only routes a loopback
            // source out of a non-loopback device when route_localnet is set on it.
            sysctl.set("net.ipv4.conf." + bridge + ".route_localnet", "1");
        } catch (RuntimeException e) {
            removeQuietly(bridge);
            throw e;
        }
    }

    public void remove(String bridge) {
        ip.apply("remove bridge " + bridge, new IpBatch().line("link", "del", bridge));
    }

    /** Removes the bridge when it exists; used on rollback, where the original error matters more. */
    public void removeQuietly(String bridge) {
        try {
            ip.applyAll("remove bridge " + bridge, new IpBatch().line("link", "del", bridge));
        } catch (RuntimeException ignored) {
            // the bridge was never made, or is already gone
        }
    }
}
