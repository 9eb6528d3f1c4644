package io.jcompose.agent.event;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Something that happened to a container, published to every subscriber of the {@link EventBus}.
 *
 * @param exitCode set for {@link Type#DIED}, else null
 * @param status   the new health status for {@link Type#HEALTH_STATUS}; for {@link Type#RESTARTING} the delay
 *                 before the restart (ISO-8601 duration); else null
 */
public record ContainerEvent(Type type, String containerId, String name, Map<String, String> labels,
                             Integer exitCode, Instant time, String status) {

    public enum Type {
        CREATED, STARTED, DIED, OOM, PAUSED, UNPAUSED, DESTROYED, HEALTH_STATUS, RESTARTING;

        /** The wire name: {@code created}, {@code died}, ... */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ContainerEvent {
        labels = Map.copyOf(labels);
    }

    public ContainerEvent(Type type, String containerId, String name, Map<String, String> labels, Integer exitCode,
                          Instant time) {
        this(type, containerId, name, labels, exitCode, time, null);
    }
}
