package io.jcompose.scheduler.execute;

import io.jcompose.agent.api.v1.ContainerSpecBody;
import io.jcompose.agent.api.v1.ContainerSpecBody.PortBody;
import io.jcompose.scheduler.SchedulerException;
import io.jcompose.scheduler.node.Node;
import io.jcompose.scheduler.plan.Action;
import io.jcompose.scheduler.plan.Action.ContainerAction;
import io.jcompose.scheduler.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * The first step of applying a plan: every host port the plan's containers will publish must be free, or the
 * whole run fails before it creates anything, naming each holder. Without it, a taken port surfaced only when
 * its service started, after networks, volumes and the services before it had been made.
 *
 * <p>The ports asked about are those of every container the plan creates, recreates, starts or restarts; the
 * containers it recreates, restarts or removes are named as replaced, since the ports they hold now are theirs
 * to hand on. Nothing is asked when the plan starts nothing ({@code create}, {@code --no-start}): ports are
 * taken only at start.
 */
final class PortPreflight {
    private PortPreflight() {
    }

    /** @throws SchedulerException listing every taken port, when there is one */
    static void check(Node node, Plan plan) {
        if (!plan.start()) return;
        List<PortBody> ports = new ArrayList<>();
        List<String> replacing = new ArrayList<>();
        for (List<ContainerAction> actions : plan.services().values()) {
            for (ContainerAction action : actions) {
                switch (action) {
                    case Action.CreateContainer a -> addPorts(ports, a.request().spec());
                    case Action.RecreateContainer a -> {
                        addPorts(ports, a.request().spec());
                        replacing.add(a.old().id());
                    }
                    case Action.StartContainer a -> addPorts(ports, a.container().spec());
                    case Action.RestartContainer a -> {
                        addPorts(ports, a.container().spec());
                        replacing.add(a.container().id());
                    }
                    case Action.RemoveContainer a -> replacing.add(a.container().id());
                    case Action.KeepContainer a -> {
                        // running and unchanged: its ports are published already
                    }
                }
            }
        }
        for (Action.RemoveContainer orphan : plan.orphans()) replacing.add(orphan.container().id());
        if (ports.isEmpty()) return;
        List<String> conflicts = node.portConflicts(ports, replacing);
        if (conflicts.isEmpty()) return;
        throw new SchedulerException((conflicts.size() == 1 ? "a published port is taken" : conflicts.size()
                + " published ports are taken") + ", so nothing was created or started:\n  " + String.join("\n  ", conflicts),
                null);
    }

    private static void addPorts(List<PortBody> out, ContainerSpecBody spec) {
        if (spec != null && spec.ports() != null) out.addAll(spec.ports());
    }
}
