package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.scheduler.naming.Labels;
import io.jcompose.scheduler.node.Node;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Read-only agent requests a command will make, started on another thread before its compose files load (which
 * takes longer than the requests): the project's containers and, for commands that plan, the networks and
 * volumes. Each answer is used once, by the request it stands for; a request that failed in the background is
 * simply made again in order on the command's thread, so errors read as they always have.
 */
final class LookAhead {
    private final String project;
    // The futures the background thread answers; the fields below hand each out once.
    private final List<CompletableFuture<?>> all;
    private CompletableFuture<List<ContainerView>> containers;
    private CompletableFuture<List<Node.NetworkInfo>> networks;
    private CompletableFuture<List<Node.VolumeInfo>> volumes;

    private LookAhead(String project, boolean resources) {
        this.project = project;
        this.containers = new CompletableFuture<>();
        this.networks = resources ? new CompletableFuture<>() : null;
        this.volumes = resources ? new CompletableFuture<>() : null;
        this.all = resources ? List.of(containers, networks, volumes) : List.of(containers);
    }

    /** Starts the requests on {@code node} for the project named {@code project}. */
    static LookAhead start(Node node, String project, boolean resources) {
        LookAhead ahead = new LookAhead(project, resources);
        // One platform thread: the requests are a few ms each, and a virtual thread would start the JDK's poller.
        Thread.ofPlatform().daemon().name("agent-look-ahead").start(() -> {
            try {
                run(ahead.containers, () -> node.containers(List.of(Labels.projectFilter(project))));
                if (resources) {
                    run(ahead.networks, () -> node.networks(List.of()));
                    run(ahead.volumes, () -> node.volumes(List.of()));
                }
            } catch (Throwable e) {
                // Even a failure outside the requests (linking a call site, say) must answer every waiting future.
                ahead.abandon(e);
            }
        });
        return ahead;
    }

    private void abandon(Throwable e) {
        for (CompletableFuture<?> f : all) f.completeExceptionally(e);
    }

    private static <T> void run(CompletableFuture<T> future, Supplier<T> request) {
        try {
            future.complete(request.get());
        } catch (Throwable e) {
            // whatever it is, the command's thread must not wait for an answer that never comes
            future.completeExceptionally(e);
        }
    }

    /** The containers labelled with {@code name}: the answer got ahead when it is that project's, else {@code now}. */
    List<ContainerView> containers(String name, Supplier<List<ContainerView>> now) {
        var ahead = containers;
        containers = null;
        return take(name.equals(project) ? ahead : null, now);
    }

    List<Node.NetworkInfo> networks(Supplier<List<Node.NetworkInfo>> now) {
        var ahead = networks;
        networks = null;
        return take(ahead, now);
    }

    List<Node.VolumeInfo> volumes(Supplier<List<Node.VolumeInfo>> now) {
        var ahead = volumes;
        volumes = null;
        return take(ahead, now);
    }

    private static <T> T take(CompletableFuture<T> ahead, Supplier<T> now) {
        if (ahead != null) {
            try {
                return ahead.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error && !(error instanceof LinkageError)) throw error;
                // made again below, in order
            }
        }
        return now.get();
    }
}
