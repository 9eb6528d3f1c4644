package io.jcompose.agent.api.v1;

import java.util.List;

/**
 * {@code POST /v1/stops}: stop, and with {@code remove} also remove, a set of containers in the order the steps
 * give; then, with {@code networkLabels}, remove the networks that carry those labels, as {@code down} does. The
 * answer is a newline-delimited stream of {@link StopProgressView}, the last one of type {@code done}.
 *
 * @param timeout       seconds between the stop signal and SIGKILL; null for each container's own grace period
 * @param volumes       with {@code remove}, also each container's anonymous volumes
 * @param networkLabels label filters ({@code key=value}, or {@code key} for any value) all of which a network must
 *                      carry to be removed once every container of the sequence has stopped, beside the last
 *                      removals; each network's outcome is streamed after every container's. Null or empty: no
 *                      network is removed (never "every network")
 */
public record StopSequenceRequest(List<Step> steps, Integer timeout, boolean remove, boolean volumes,
                                  List<String> networkLabels) {

    /** A sequence that removes no network. */
    public StopSequenceRequest(List<Step> steps, Integer timeout, boolean remove, boolean volumes) {
        this(steps, timeout, remove, volumes, null);
    }

    /**
     * One container.
     *
     * @param stop  whether to stop it (false for a container that is not running: it is only removed)
     * @param after ids of steps that must be done with (stopped, or their stop failed) before this one stops
     */
    public record Step(String id, boolean stop, List<String> after) {
    }
}
