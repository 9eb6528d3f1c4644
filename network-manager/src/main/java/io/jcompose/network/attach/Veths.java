package io.jcompose.network.attach;

import io.jcompose.network.Endpoint;
import io.jcompose.network.link.IpBatch;
import io.jcompose.network.link.IpTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the veth pairs of an attach in two {@code ip -batch} runs: one on the host (each pair is
 * created with its container end already inside the namespace and already named {@code ethN},
 * with its MAC and MTU, so there is no rename and no move), one inside the namespace (loopback up,
 * addresses, interfaces up, default routes). IPv6 addresses are added {@code nodad}: they come from
 * our own IPAM, and duplicate detection would only hold them back for a second or two.
 */
public final class Veths {

    private final IpTool ip;

    public Veths(IpTool ip) {
        this.ip = ip;
    }

    public static IpBatch hostBatch(AttachPlan plan, Path netns) {
        IpBatch batch = new IpBatch();
        for (AttachPlan.Step step : plan.steps()) {
            Endpoint e = step.endpoint();
            List<String> words = new ArrayList<>(List.of("link", "add", e.hostInterface()));
            if (step.mtu() > 0) {
                words.addAll(List.of("mtu", Integer.toString(step.mtu())));
            }
            words.addAll(List.of("master", step.bridge(), "up", "type", "veth", "peer", "name", e.interfaceName(),
                    "address", e.mac().toString()));
            if (step.mtu() > 0) {
                words.addAll(List.of("mtu", Integer.toString(step.mtu())));
            }
            words.addAll(List.of("netns", netns.toString()));
            batch.line(words);
            // A container reaching its own published port through a host address gets the packet
            // back out of the port it came in on: the bridge only does that in hairpin mode.
            batch.line("link", "set", e.hostInterface(), "type", "bridge_slave", "hairpin", "on");
        }
        return batch;
    }

    public static IpBatch namespaceBatch(List<Endpoint> endpoints) {
        IpBatch batch = new IpBatch().line("link", "set", "lo", "up");
        for (Endpoint e : endpoints) {
            e.ipv4().ifPresent(a -> batch.line("addr", "add", a.toString(), "dev", e.interfaceName()));
            e.ipv6().ifPresent(a -> batch.line("addr", "add", a.toString(), "dev", e.interfaceName(), "nodad"));
            batch.line("link", "set", e.interfaceName(), "up");
        }
        for (Endpoint e : endpoints) {
            if (!e.defaultRoute()) {
                continue;
            }
            if (e.ipv4().isPresent()) {
                e.gateway4().ifPresent(g -> batch.line("route", "add", "default", "via", g.toString(), "dev", e.interfaceName()));
            }
            if (e.ipv6().isPresent()) {
                e.gateway6().ifPresent(g -> batch.line("route", "add", "default", "via", g.toString(), "dev", e.interfaceName()));
            }
        }
        return batch;
    }

    /** Creates the pairs and configures the namespace; on failure removes the pairs it made. */
    public void create(AttachPlan plan, Path netns) {
        try {
            ip.apply("create veth pairs for container " + plan.container(), hostBatch(plan, netns));
            ip.apply("configure the network of container " + plan.container(), netns, namespaceBatch(plan.endpoints()));
        } catch (RuntimeException e) {
            removeQuietly(plan.endpoints().stream().map(Endpoint::hostInterface).toList());
            throw e;
        }
    }

    /** Brings up {@code lo} in a namespace that gets no other interface ({@code network_mode: none}). */
    public void loopbackOnly(Path netns, String container) {
        ip.apply("configure the network of container " + container, netns, namespaceBatch(List.of()));
    }

    /** Deletes host veth ends (which deletes their peers); ends already gone are skipped. */
    public void remove(List<String> hostInterfaces, String container) {
        IpBatch batch = new IpBatch();
        hostInterfaces.forEach(name -> batch.line("link", "del", name));
        try {
            ip.applyAll("remove the veth pairs of container " + container, batch);
        } catch (RuntimeException e) {
            if (!e.getMessage().contains("Cannot find device")) {
                throw e;
            }
        }
    }

    private void removeQuietly(List<String> hostInterfaces) {
        try {
            remove(hostInterfaces, "being rolled back");
        } catch (RuntimeException ignored) {
            // rollback must not hide the original failure
        }
    }
}
