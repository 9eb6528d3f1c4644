package io.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while {@code up} runs in the foreground: the first one calls {@code first}, any later
 * one {@code again}, as docker compose does (stop gracefully, then kill). A shutdown hook cannot do this: once the
 * JVM shuts down, a second signal is swallowed. The JVM's own handlers come back on {@link #close()}.
 */
final class Interrupts implements AutoCloseable {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    private Interrupts() {
    }

    static Interrupts handle(Runnable first, Runnable again) {
        Interrupts i = new Interrupts();
        SignalHandler handler = s -> {
            // The handler runs on the JVM's signal thread: hand the work over so a second signal is seen at once.
            Runnable r = i.count.getAndIncrement() == 0 ? first : again;
            Thread.ofPlatform().daemon().name("interrupt").start(r);
        };
        for (String name : List.of("INT", "TERM")) {
            Signal s = new Signal(name);
            i.previous.add(Signal.handle(s, handler));
            i.signals.add(s);
        }
        return i;
    }

    /** Whether a signal arrived. */
    boolean interrupted() {
        return count.get() > 0;
    }

    @Override
    public void close() {
        for (int n = 0; n < signals.size(); n++) Signal.handle(signals.get(n), previous.get(n));
    }
}
