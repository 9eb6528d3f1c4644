package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.scheduler.execute.LabelledProject;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.plan.Desired;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which of a project's containers a command works on: the services it names (all when none), known from the
 * compose file or from the labels; one-off containers of {@code run} only where docker compose includes them.
 */
final class ContainerChoice {
    private ContainerChoice() {
    }

    static boolean oneOff(ContainerView c) {
        return "True".equals(c.labels().get(Labels.ONEOFF));
    }

    static int number(ContainerView c) {
        try {
            return Integer.parseInt(c.labels().getOrDefault(Labels.CONTAINER_NUMBER, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Fails with {@code no such service: x} for a name neither the file nor the labels know. */
    static void checkKnown(LabelledProject stack, Desired desired, Collection<String> services) {
        for (String s : services) {
            boolean known = stack.containers().containsKey(s)
                    || desired != null && desired.project().services().containsKey(s);
            if (!known) throw new CommandFailure("no such service: " + s);
        }
    }

    /** The services' containers, one-offs included or not, by service then replica number. */
    static List<ContainerView> of(LabelledProject stack, Collection<String> services, boolean oneOffs) {
        List<ContainerView> out = new ArrayList<>();
        for (ContainerView c : stack.only(services).all()) {
            if (oneOffs || !oneOff(c)) out.add(c);
        }
        out.sort(Comparator.comparing((ContainerView c) -> c.labels().getOrDefault(Labels.SERVICE, ""))
                .thenComparing(ContainerChoice::oneOff)
                .thenComparingInt(ContainerChoice::number)
                .thenComparing(ContainerView::name));
        return out;
    }

    /** Replica {@code index} of {@code service} (not a one-off), or a failure saying what exists. */
    static ContainerView one(LabelledProject stack, String service, int index) {
        List<ContainerView> replicas = of(stack, List.of(service), false);
        if (replicas.isEmpty()) {
            throw new CommandFailure("service \"" + service + "\" has no container; start it with 'jcompose up -d "
                    + service + "'");
        }
        for (ContainerView c : replicas) if (number(c) == index) return c;
        throw new CommandFailure("service \"" + service + "\" has no container number " + index + " (it has "
                + String.join(", ", replicas.stream().map(c -> Integer.toString(number(c))).toList()) + ")");
    }
}
