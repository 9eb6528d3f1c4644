package io.jcompose.network;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The detaches {@link NetworkManager#detachLater} left running. A container counts as detached as soon as its
 * teardown is registered here; the teardown's future completes once its veths and namespace are gone (true) or
 * could not be removed (false), which takes no lock, so anyone may wait for it, even under the manager's lock.
 * Whoever then takes the entry out (the teardown's thread, or a waiter that needs it gone first) forgets the
 * container in the state, under the manager's lock.
 */
final class Teardowns {
    private final Map<ContainerId, CompletableFuture<Boolean>> running = new ConcurrentHashMap<>();

    /** Registers the teardown of {@code id}; null when one runs already. */
    CompletableFuture<Boolean> begin(ContainerId id) {
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        return running.putIfAbsent(id, mine) == null ? mine : null;
    }

    CompletableFuture<Boolean> get(ContainerId id) {
        return running.get(id);
    }

    /** Takes the entry out if it is still {@code teardown}'s; true for the one caller that did. */
    boolean end(ContainerId id, CompletableFuture<Boolean> teardown) {
        return running.remove(id, teardown);
    }

    boolean isRunning(ContainerId id) {
        return running.containsKey(id);
    }

    List<ContainerId> ids() {
        return List.copyOf(running.keySet());
    }
}
