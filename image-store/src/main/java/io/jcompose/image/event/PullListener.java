package io.jcompose.image.event;

/** Receives pull events; called from download threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface PullListener {
    PullListener NONE = event -> { };

    void on(PullEvent event);
}
