package io.jcompose.network.attach;

import io.jcompose.network.Endpoint;
import io.jcompose.network.link.IpBatch;
import io.jcompose.network.link.IpTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The veth pairs of an attach, made with two programs. The first runs inside the new namespace as
 * it is created ({@link #namespaceBatch}): it makes each pair with its container end already
 * named {@code ethN} (with its MAC and MTU) and its other end sent to the host namespace, then
 * brings up {@code lo}, adds the addresses, brings the interfaces up and adds the default routes.
 * The second runs on the host ({@link #hostBatch}) and puts the host ends on their bridges. IPv6
 * addresses are added {@code nodad}: they come from our own IPAM, and duplicate detection would
 * only hold them back for a second or two.
 */
public final class Veths {

    private final IpTool ip;

    public Veths(IpTool ip) {
        this.ip = ip;
    }

    /** The setup of a new namespace; {@code hostNetns} is where the host ends go. */
    public static IpBatch namespaceBatch(List<AttachPlan.Step> steps, Path hostNetns) {
        IpBatch batch = new IpBatch();
        for (AttachPlan.Step step : steps) {
            Endpoint e = step.endpoint();
            List<String> words = new ArrayList<>(List.of("link", "add", e.interfaceName(), "address", e.mac().toString()));
            if (step.mtu() > 0) {
                words.addAll(List.of("mtu", Integer.toString(step.mtu())));
            }
            words.addAll(List.of("type", "veth", "peer", "name", e.hostInterface()));
            if (step.mtu() > 0) {
                words.addAll(List.of("mtu", Integer.toString(step.mtu())));
            }
            words.addAll(List.of("netns", hostNetns.toString()));
            batch.line(words);
        }
        batch.line("link", "set", "lo", "up");
        List<Endpoint> endpoints = steps.stream().map(AttachPlan.Step::endpoint).toList();
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

    /**
     * Puts the host ends on their bridges and up. Hairpin mode: a container reaching its own
     * published port through a host address gets the packet back out of the port it came in on,
     * which the bridge only does in hairpin mode.
     */
    public static IpBatch hostBatch(List<AttachPlan.Step> steps) {
        IpBatch batch = new IpBatch();
        for (AttachPlan.Step step : steps) {
            String veth = step.endpoint().hostInterface();
            batch.line("link", "set", veth, "master", step.bridge(), "up");
            batch.line("link", "set", veth, "type", "bridge_slave", "hairpin", "on");
        }
        return batch;
    }

    /** Puts the host ends on their bridges (the caller removes the pairs if this fails). */
    public void connect(AttachPlan plan) {
        ip.apply("connect container " + plan.container() + " to its bridges", hostBatch(plan.steps()));
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
}
