package io.jcompose.agent.event;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Something that happened to a container, published to every subscriber of the {@link EventBus}.
 *
 * @param exitCode set for {@link Type#DIED}, else null
 */
public record ContainerEvent(Type type, String containerId, String name, Map<String, String> labels,
                             Integer exitCode, Instant time) {

    public enum Type {
        CREATED, STARTED, DIED, OOM, PAUSED, UNPAUSED, DESTROYED;

        /** The wire name: {@code created}, {@code died}, ... */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ContainerEvent {
        labels = Map.copyOf(labels);
    }
}
