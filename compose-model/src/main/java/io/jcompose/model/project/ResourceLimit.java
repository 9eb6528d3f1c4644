package io.jcompose.model.project;

import java.util.List;

/**
 * One side of {@code deploy.resources} ({@code limits} or {@code reservations}).
 *
 * @param cpus             CPUs as a fraction of cores, or null
 * @param memory           bytes, or null
 * @param pids             process count, or null
 * @param devices          device reservations
 * @param genericResources user-defined discrete resources
 */
public record ResourceLimit(Double cpus, Long memory, Long pids, List<DeviceRequest> devices,
                            List<GenericResource> genericResources) {

    public ResourceLimit {
        devices = Copies.list(devices);
        genericResources = Copies.list(genericResources);
    }

    /**
     * A {@code generic_resources[].discrete_resource_spec}.
     *
     * @param kind  the resource ({@code gpu}, {@code ssd}...)
     * @param value how many
     */
    public record GenericResource(String kind, long value) {
    }
}
