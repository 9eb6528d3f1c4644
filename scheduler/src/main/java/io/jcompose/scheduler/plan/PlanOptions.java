package io.jcompose.scheduler.plan;

import io.jcompose.model.project.PullPolicy;
import java.util.List;
import java.util.Map;

/**
 * The {@code up}/{@code create} options that change the plan.
 *
 * @param services           the services named on the command line; empty for all
 * @param noDeps             do not bring up what the named services depend on
 * @param recreate           policy for the named services
 * @param alwaysRecreateDeps recreate the dependencies of the named services even when unchanged
 * @param scale              replicas per service, overriding the file
 * @param removeOrphans      remove containers of services no longer in the file
 * @param pull               {@code --pull}; null follows each service's {@code pull_policy}
 * @param start              false for {@code --no-start} and {@code create}
 */
public record PlanOptions(List<String> services, boolean noDeps, Recreate recreate, boolean alwaysRecreateDeps,
                          Map<String, Integer> scale, boolean removeOrphans, PullPolicy.Kind pull, boolean start) {

    public static final PlanOptions DEFAULTS = new PlanOptions(List.of(), false, Recreate.DIVERGED, false, Map.of(),
            false, null, true);

    public PlanOptions {
        services = List.copyOf(services);
        scale = Map.copyOf(scale);
        if (recreate == null) recreate = Recreate.DIVERGED;
    }

    /** When an existing container is replaced. */
    public enum Recreate {
        /** when its configuration or image changed ({@code up}'s default) */
        DIVERGED,
        /** always ({@code --force-recreate}) */
        FORCE,
        /** never ({@code --no-recreate}) */
        NEVER
    }

    public PlanOptions withServices(List<String> newServices) {
        return new PlanOptions(newServices, noDeps, recreate, alwaysRecreateDeps, scale, removeOrphans, pull, start);
    }

    public PlanOptions withRecreate(Recreate newRecreate) {
        return new PlanOptions(services, noDeps, newRecreate, alwaysRecreateDeps, scale, removeOrphans, pull, start);
    }

    public PlanOptions withScale(Map<String, Integer> newScale) {
        return new PlanOptions(services, noDeps, recreate, alwaysRecreateDeps, newScale, removeOrphans, pull, start);
    }

    public PlanOptions withRemoveOrphans(boolean newRemoveOrphans) {
        return new PlanOptions(services, noDeps, recreate, alwaysRecreateDeps, scale, newRemoveOrphans, pull, start);
    }

    public PlanOptions withPull(PullPolicy.Kind newPull) {
        return new PlanOptions(services, noDeps, recreate, alwaysRecreateDeps, scale, removeOrphans, newPull, start);
    }

    public PlanOptions withStart(boolean newStart) {
        return new PlanOptions(services, noDeps, recreate, alwaysRecreateDeps, scale, removeOrphans, pull, newStart);
    }

    public PlanOptions withNoDeps(boolean newNoDeps) {
        return new PlanOptions(services, newNoDeps, recreate, alwaysRecreateDeps, scale, removeOrphans, pull, start);
    }

    public PlanOptions withAlwaysRecreateDeps(boolean value) {
        return new PlanOptions(services, noDeps, recreate, value, scale, removeOrphans, pull, start);
    }
}
