package io.jcompose.model.project;

import java.util.Map;

/**
 * {@code services.*.deploy}. Locally only {@code replicas}, {@code resources} and {@code restart_policy}
 * matter; the rest is kept for Swarm-aware tools and the {@code config} view.
 *
 * @param mode           {@code replicated} or {@code global}, or null
 * @param replicas       number of containers, or null
 * @param labels         service labels (not container labels)
 * @param updateConfig   rolling-update settings, or null
 * @param rollbackConfig rollback settings, or null
 * @param resources      limits and reservations, or null
 * @param restartPolicy  restart policy, or null; it overrides {@code restart} when set
 * @param placement      placement constraints, or null
 * @param endpointMode   {@code vip} or {@code dnsrr}, or null
 */
public record Deploy(String mode, Integer replicas, Map<String, String> labels, UpdateConfig updateConfig,
                     UpdateConfig rollbackConfig, Resources resources, RestartPolicy restartPolicy,
                     Placement placement, String endpointMode) {

    public Deploy {
        labels = Copies.map(labels);
    }

    public Deploy withReplicas(Integer newReplicas) {
        return new Deploy(mode, newReplicas, labels, updateConfig, rollbackConfig, resources, restartPolicy,
                placement, endpointMode);
    }

    /**
     * {@code update_config} / {@code rollback_config}.
     *
     * @param parallelism     containers changed at a time, or null
     * @param delay           wait between groups, or null
     * @param failureAction   {@code continue}, {@code pause}, {@code rollback}, or null
     * @param monitor         how long to watch each task for failure, or null
     * @param maxFailureRatio tolerated failure ratio, or null
     * @param order           {@code stop-first} or {@code start-first}, or null
     */
    public record UpdateConfig(Long parallelism, java.time.Duration delay, String failureAction,
                               java.time.Duration monitor, Double maxFailureRatio, String order) {
    }
}
