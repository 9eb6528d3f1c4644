package io.jcompose.network;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The detaches {@link NetworkManager#detachLater} left running: a container counts as detached as soon as its
 * teardown is registered here, while its veths, namespace, names and leases go on a thread of their own.
 * Whatever needs them gone (the same container's next attach, a network's removal, the manager's close) waits
 * for them with {@link #await}; never while holding the manager's lock, which each teardown takes at its end.
 */
final class Teardowns {
    private final Map<ContainerId, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    /** Registers the teardown of {@code id}; false when one runs already. */
    boolean begin(ContainerId id) {
        return running.putIfAbsent(id, new CompletableFuture<>()) == null;
    }

    void end(ContainerId id) {
        CompletableFuture<Void> done = running.remove(id);
        if (done != null) {
            done.complete(null);
        }
    }

    boolean isRunning(ContainerId id) {
        return running.containsKey(id);
    }

    /** Waits for the teardown of {@code id}, if one runs. */
    void await(ContainerId id) {
        CompletableFuture<Void> done = running.get(id);
        if (done != null) {
            done.join();
        }
    }

    /** Waits for every teardown running now. */
    void awaitAll() {
        List.copyOf(running.values()).forEach(CompletableFuture::join);
    }
}
