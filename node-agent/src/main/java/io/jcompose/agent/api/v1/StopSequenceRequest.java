package io.jcompose.agent.api.v1;

import java.util.List;

/**
 * {@code POST /v1/stops}: stop, and with {@code remove} also remove, a set of containers in the order the steps
 * give. The answer is a newline-delimited stream of {@link StopProgressView}, the last one of type {@code done}.
 *
 * @param timeout seconds between the stop signal and SIGKILL; null for each container's own grace period
 * @param volumes with {@code remove}, also each container's anonymous volumes
 */
public record StopSequenceRequest(List<Step> steps, Integer timeout, boolean remove, boolean volumes) {

    /**
     * One container.
     *
     * @param stop  whether to stop it (false for a container that is not running: it is only removed)
     * @param after ids of steps that must be done with (stopped, or their stop failed) before this one stops
     */
    public record Step(String id, boolean stop, List<String> after) {
    }
}
