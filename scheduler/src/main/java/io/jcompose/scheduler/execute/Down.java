package io.jcompose.scheduler.execute;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.node.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code down}: stop and remove a project's containers in reverse dependency order, then its networks and, with
 * {@code volumes}, its named volumes. Everything is found by the {@code com.docker.compose.project} label, so it
 * works without the compose file and cannot touch another project's or an external resource (neither carries
 * this project's label).
 *
 * @param services       services defined in the file, or null without a file (then every labelled container
 *                       of the project goes)
 * @param removeOrphans  also remove containers of services the file no longer defines
 */
public record Down(Set<String> services, boolean removeOrphans, boolean volumes) {

    public List<ServiceOutcome> run(Node node, Executor executor, String project, Consumer<ProgressEvent> events)
            throws InterruptedException {
        return run(node, executor, LabelledProject.find(node, project), events);
    }

    /** As {@link #run(Node, Executor, String, Consumer)} with the project's containers listed already by the caller. */
    public List<ServiceOutcome> run(Node node, Executor executor, LabelledProject found, Consumer<ProgressEvent> events)
            throws InterruptedException {
        String project = found.name();
        LabelledProject targets = found;
        boolean orphansLeft = false;
        if (services != null && !removeOrphans) {
            targets = found.only(services);
            List<String> orphans = found.containers().keySet().stream().filter(s -> !services.contains(s)).toList();
            orphansLeft = !orphans.isEmpty();
            if (orphansLeft) {
                events.accept(ProgressEvent.warning("Project " + project, "found orphan containers of services "
                        + String.join(", ", orphans) + "; run down with --remove-orphans to remove them too"));
            }
        }
        String filter = Labels.projectFilter(project);
        // The node removes the project's networks in the same request once every container has stopped (a bridge's
        // deletion then goes on beside the last removals); one that cannot, or a bounded --parallel, leaves them to
        // the loop below.
        Stopping.Result stopped = executor.removeAll(targets.containers(), targets.graph(), volumes, List.of(filter));
        List<ServiceOutcome> outcomes = new ArrayList<>(stopped.containers());
        // A network still used by a kept orphan or a container that failed to go is expected to stay: its removal's
        // error is no failure of down then. Otherwise it is.
        boolean containersLeft = orphansLeft || outcomes.stream().anyMatch(o -> !o.succeeded());
        Map<String, String> networkErrors = stopped.networks() != null ? stopped.networks() : removeNetworks(node, project, filter, executor);
        networkErrors.forEach((name, error) -> {
            if (error != null && !containersLeft) {
                outcomes.add(new ServiceOutcome(name.isEmpty() ? "networks" : "network " + name, error));
            }
        });
        if (volumes) {
            for (Node.VolumeInfo v : node.volumes(List.of(filter))) {
                if (!project.equals(v.labels().get(Labels.PROJECT))) continue;
                try {
                    executor.guarded("Volume " + v.name(), "Removing", "Removed", () -> {
                        node.removeVolume(v.name(), false);
                        return null;
                    });
                } catch (RuntimeException e) {
                    outcomes.add(new ServiceOutcome("volume " + v.name(), e.getMessage()));
                }
            }
        }
        return outcomes;
    }

    /** Removes the project's networks one request each; each one's error, or null when it went. */
    private Map<String, String> removeNetworks(Node node, String project, String filter, Executor executor)
            throws InterruptedException {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Node.NetworkInfo n : node.networks(List.of(filter))) {
            if (!project.equals(n.labels().get(Labels.PROJECT))) continue;
            try {
                executor.guarded("Network " + n.name(), "Removing", "Removed", () -> {
                    node.removeNetwork(n.name());
                    return null;
                });
                errors.put(n.name(), null);
            } catch (RuntimeException e) {
                errors.put(n.name(), e.getMessage());
            }
        }
        return errors;
    }
}
