package io.jcompose.model.project;

import java.util.List;

/**
 * {@code deploy.placement} (Swarm only; kept for the {@code config} view).
 *
 * @param constraints        node constraints such as {@code node.role==manager}
 * @param preferences        the {@code spread} value of each preference, in order
 * @param maxReplicasPerNode cap per node, or null
 */
public record Placement(List<String> constraints, List<String> preferences, Long maxReplicasPerNode) {
    public Placement {
        constraints = Copies.list(constraints);
        preferences = Copies.list(preferences);
    }
}
