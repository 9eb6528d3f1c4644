package io.jcompose.cli;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CLI's shutdown hooks (a stack stopped on Ctrl-C), counted so that {@link Main} knows whether a command
 * left one behind. With none pending, the process ends with {@code Runtime.halt}, which skips the shutdown
 * sequence a short command has no use for.
 */
final class ExitHooks {
    private static final AtomicInteger PENDING = new AtomicInteger();

    private ExitHooks() {
    }

    static void add(Thread hook) {
        Runtime.getRuntime().addShutdownHook(hook);
        PENDING.incrementAndGet();
    }

    static void remove(Thread hook) {
        try {
            if (Runtime.getRuntime().removeShutdownHook(hook)) {
                PENDING.decrementAndGet();
            }
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs
        }
    }

    static boolean nonePending() {
        return PENDING.get() == 0;
    }
}
