package io.jcompose.agent.container;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per container: every state change of a container happens under its lock, so a start,
 * a recorded exit and a remove of the same container never interleave. Nothing waits for a
 * container's exit while holding its lock.
 */
final class ContainerLocks {
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    <T> T locked(String id, Supplier<T> body) {
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code body} under the lock if it is free now; false (and nothing run) when someone holds it. */
    boolean tryLocked(String id, Runnable body) {
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            return false;
        }
        try {
            body.run();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Drops the lock of a removed container. */
    void forget(String id) {
        locks.remove(id);
    }
}
