package io.jcompose.agent.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Fan-out of container events to whoever listens (the API's event streams, waiters). Subscribers
 * are called on the publisher's thread and must not block; one that throws is dropped, so a broken
 * client cannot stop the lifecycle that publishes.
 */
public final class EventBus {
    private final List<Consumer<ContainerEvent>> subscribers = new CopyOnWriteArrayList<>();

    /** Starts delivering events to {@code subscriber}; close the result to stop. */
    public AutoCloseable subscribe(Consumer<ContainerEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public void publish(ContainerEvent event) {
        for (Consumer<ContainerEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                subscribers.remove(s);
            }
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }
}
