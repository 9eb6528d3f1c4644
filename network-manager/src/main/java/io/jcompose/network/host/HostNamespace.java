package io.jcompose.network.host;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The network namespace the manager treats as "the host": where bridges live, where nftables rules
 * go, whose {@code /proc/sys/net} and {@code /proc/net} are read and written, and where port
 * reservations are bound. Every host side effect of the manager runs through {@link #call}.
 *
 * <p>In the product it is the agent's own namespace ({@link #current()}). Root-tier tests use
 * {@link #join(Path)} on a sandbox namespace they created, so that forwarding sysctls, firewall
 * policies and "outside hosts" can be exercised without touching the real host. Network
 * namespaces are per thread in Linux, and child processes inherit the namespace of the thread that
 * spawns them, so one dedicated platform thread that has joined the sandbox is enough.
 */
public sealed interface HostNamespace extends AutoCloseable permits CurrentNamespace, JoinedNamespace {

    /**
     * A file that names the host namespace for other programs ({@code ip link … netns FILE},
     * {@code nsenter --net=FILE}).
     */
    Path file();

    /** Runs {@code task} inside the host namespace and returns its result; exceptions pass through unchanged. */
    <T> T call(Callable<T> task);

    default void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    /** The namespace of the calling process. */
    static HostNamespace current() {
        return CurrentNamespace.INSTANCE;
    }

    /** The namespace bind-mounted at {@code netnsFile} (for example {@code /run/netns/NAME}). */
    static HostNamespace join(Path netnsFile) {
        return new JoinedNamespace(netnsFile);
    }

    @Override
    void close();
}
