package io.jcompose.agent.container;

import io.jcompose.agent.api.v1.ContainerView;

/**
 * What the supervisors know of a container beyond its stored state, for inspect and list.
 *
 * @param restarting   the restart policy will start it again after a delay
 * @param restartCount restarts by the policy since the user last started it
 * @param health       null without a health check
 */
public record Supervision(boolean restarting, int restartCount, ContainerView.HealthView health) {
    public static final Supervision NONE = new Supervision(false, 0, null);

    public Supervision withRestart(boolean nowRestarting, int count) {
        return new Supervision(nowRestarting, count, health);
    }

    public Supervision withHealth(ContainerView.HealthView h) {
        return new Supervision(restarting, restartCount, h);
    }
}
