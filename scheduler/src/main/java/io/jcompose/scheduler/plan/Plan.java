package io.jcompose.scheduler.plan;

import io.jcompose.scheduler.graph.ServiceGraph;
import io.jcompose.scheduler.plan.Action.ContainerAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code up} will do, before it does anything.
 *
 * @param resources networks and volumes to create, in file order
 * @param pulls     images to pull, each once
 * @param services  container actions per service, in start order; only the services the command works on
 * @param orphans   containers of services no longer in the file (removed with {@code --remove-orphans})
 * @param graph     the dependency graph the executor follows
 * @param start     whether containers are started ({@code create} and {@code --no-start}: not)
 * @param warnings  what the user should know (orphans left behind, attributes ignored...)
 */
public record Plan(String project, List<Action> resources, List<Action.PullImage> pulls,
                   Map<String, List<ContainerAction>> services, List<Action.RemoveContainer> orphans,
                   ServiceGraph graph, boolean start, List<String> warnings) {

    public Plan {
        resources = List.copyOf(resources);
        pulls = List.copyOf(pulls);
        services = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
        orphans = List.copyOf(orphans);
        warnings = List.copyOf(warnings);
    }

    /** Every action in the order the executor may start them (per-service order holds; services overlap). */
    public List<Action> actions() {
        List<Action> out = new ArrayList<>(resources);
        out.addAll(pulls);
        services.values().forEach(out::addAll);
        out.addAll(orphans);
        return out;
    }

    /** True when applying the plan changes nothing. */
    public boolean isNoop() {
        return actions().stream().allMatch(a -> a instanceof Action.KeepContainer);
    }

    /** The lines {@code up --dry-run} prints. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Action a : actions()) out.add(a.describe());
        for (String w : warnings) out.add("warning: " + w);
        return out;
    }
}
